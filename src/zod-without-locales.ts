// Stands in for zod's translations of its error messages (zod/v4/locales, about 360 KiB) in the
// Worker bundle: wrangler.toml [alias] maps zod's own "../locales/index.js" import here. Nothing in
// the app reads z.locales; the English messages zod uses by default come from locales/en.js, kept.
export {};
