-- An order import finds each buyer's customer by the handle the channel gives (orderimport
-- customersBy): wechat had an index, taobao and xiaohongshu did not, so every import from
-- those channels, even of ten rows, read all customers (60 ms for 200,000). Partial, as
-- customers_wechat: most customers have no handle on a given channel.
CREATE INDEX customers_taobao ON customers(taobao) WHERE taobao <> '';
CREATE INDEX customers_xiaohongshu ON customers(xiaohongshu) WHERE xiaohongshu <> '';
