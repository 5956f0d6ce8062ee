// The one DOM helper the page scripts share (app.js, admin.js): an element with a class and its
// text set through textContent, never innerHTML. Interpolated into each script's String.raw literal.
export const EL_JS = String.raw`  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }`;
