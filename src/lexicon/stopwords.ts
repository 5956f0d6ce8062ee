// The stop-word list of src/data/stopwords.txt as a module, so Workers bundle it without node:fs.
// Generated; src/data/stopwords.txt is the source. Regenerate after editing it with:
//   (sed -n 1,3p src/lexicon/stopwords.ts; echo 'export const STOPWORDS_TXT = `'; cat src/data/stopwords.txt; echo '`;') > /tmp/s && mv /tmp/s src/lexicon/stopwords.ts
export const STOPWORDS_TXT = `
ai
bao giờ
bao gồm
bao nhiêu
biết
bên cạnh đó
bạn
bất cứ
bất kỳ
bị
bởi
bởi vì
cho
cho biết
cho thấy
cho tôi biết
cho xin
cho đến
chúng
chúng ta
chúng tôi
chăng
chứ
càng
các
các loại
cái
cái gì
còn
có
có bao nhiêu
có không
có phải
có thể
căn cứ
căn cứ vào
cũng
cũng như
cũng như là
cả
cần
cần biết
cụ thể
của
cứ
do
do đó
dù
dạ
dẫu
dựa trên
dựa vào
ghi nhận
giúp tôi
gì
gì đó
gồm
hay
hay không
hiện có
hiện đang
hiện đang có
hoặc
hoặc là
hãy
hả
hầu như
hết
họ
hỏi
khi
khi nào
khoảng
kia
kể cả
kể từ
liên quan
là
là bao nhiêu
là gì
làm sao
lên
lúc
lúc nào
lại
lần lượt
muốn
mà
mình
mấy
mọi
mỗi
một
một cách
một số
ngay
ngoài ra
nhau
nhé
nhìn chung
như
như là
như sau
như thế nào
như vậy
nhưng
nhằm
nhằm để
nhỉ
nhờ
những
những gì
nào
nào đó
này
nãy
nên
nêu
nêu rõ
nó
nói chung
nói riêng
năm
nơi
nếu
nữa
phải
phải không
qua đó
ra
ra sao
riêng
rất
rằng
rồi
sao
sau khi
sau đây
sau đó
sẽ
sẽ được
theo
theo đó
thuộc
thì
thì sao
thôi
thông qua
thông tin
thưa
thế
thế nào
thể hiện
thực hiện
thực sự
toàn bộ các
tra cứu
trong
trong khi
trong đó
trên
trên địa bàn
trước khi
trước đó
tuy
tuy nhiên
tìm
tìm hiểu
tình hình
tôi
tương ứng
tại
tại sao
tất cả
tổng thể
tức là
từ đó
từng
v.v
v.v.
vui lòng
và
vào
vân vân
vì
vì sao
vì vậy
vẫn
vậy
vậy thì
về
vốn dĩ
với
với lại
vừa
xem
xin
xin cho biết
à
đang
đang được
đi
điều gì
đâu
đây
đây là
đã
đã được
đó
đó là
được
được biết
được không
được xác định
đến
đề cập
đều
để
để làm gì
đối với
đồng thời
ư
ạ
ấy
ấy là
ở
ở đâu
`;
