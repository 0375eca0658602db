package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"daigoudesk/backend/importer"
)

func TestImportExportOrders(t *testing.T) {
	dir := t.TempDir()
	products := filepath.Join(t.TempDir(), "p.csv")
	os.WriteFile(products, []byte("货号,商品名称,售价\nSKII-230,神仙水,799\n"), 0o644)
	if code, _, errOut := run(t, dir, "import", "products", products); code != 0 {
		t.Fatal(errOut)
	}
	taobao := "订单编号,买家会员名,收货人姓名,收货地址,联系手机,宝贝标题,宝贝总数量,买家实际支付金额,订单状态,订单创建时间,商家编码\r\n" +
		"=\"880001\",tb_alice,张三,上海 上海市 浦东新区 世纪大道100号,=\"13812345678\",SK-II 神仙水,2,1598.00,等待买家付款,2026-03-01 10:00:00,SKII-230\r\n" +
		"=\"880001\",tb_alice,张三,上海 上海市 浦东新区 世纪大道100号,=\"13812345678\",限定礼盒,1,1598.00,等待买家付款,2026-03-01 10:00:00,\r\n" +
		"=\"880002\",tb_bob,李四,广东省深圳市南山区科技园1号,=\"13912345678\",SK-II 神仙水,1,799,交易关闭,2026-03-02 11:00:00,SKII-230\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(taobao))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "ExportOrderList.csv")
	os.WriteFile(file, gbk, 0o644)

	code, out, errOut := run(t, dir, "import", "orders", file)
	if code != 0 || out != "created 2, skipped 0, unmatched 1\nunmatched\t限定礼盒\n" {
		t.Fatalf("exit %d: %q %s", code, out, errOut)
	}
	code, out, _ = run(t, dir, "import", "orders", "--channel", "taobao", file)
	if code != 0 || out != "created 0, skipped 2, unmatched 0\n" {
		t.Fatalf("re-import exit %d: %q", code, out)
	}

	t.Run("ErrBadRows", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.csv")
		os.WriteFile(bad, []byte("order_no,title,qty,status\nB1,面霜,1,paid\nB2,面霜,zero,paid\nB3,,1,paid\nB4,面霜,1,wat\n"), 0o644)
		code, out, errOut := run(t, dir, "import", "orders", bad, "--channel", "wechat")
		if code != 1 || out != "" {
			t.Fatalf("exit %d, stdout %q", code, out)
		}
		for _, want := range []string{bad + ":3: qty:", bad + ":4: title:", bad + ":5: status:"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errOut)
			}
		}
		code, out, errOut = run(t, dir, "import", "orders", "--skip-bad", "--channel=wechat", bad)
		if code != 0 || out != "created 1, skipped 0, unmatched 1\nunmatched\t面霜\n" || !strings.Contains(errOut, bad+":3: qty:") {
			t.Fatalf("skip-bad exit %d: %q %s", code, out, errOut)
		}
	})
	t.Run("ErrNoChannel", func(t *testing.T) {
		plain := filepath.Join(t.TempDir(), "plain.csv")
		os.WriteFile(plain, []byte("单号,商品\n1,面霜\n"), 0o644)
		code, _, errOut := run(t, dir, "import", "orders", plain)
		if code != 1 || !strings.Contains(errOut, "channel") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})

	for _, name := range []string{"orders.csv", "orders.xlsx"} {
		t.Run("Export"+name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			code, out, errOut := run(t, dir, "export", "orders", path)
			if code != 0 || out != "exported 3 orders\n" {
				t.Fatalf("exit %d: %q %s", code, out, errOut)
			}
			tb, err := importer.ReadTable(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(tb.Rows) != 4 || tb.Header[2] != "order_no" {
				t.Fatalf("%d rows, header %q", len(tb.Rows), tb.Header)
			}
			first := strings.Join(tb.Rows[0].Cells, "|")
			for _, want := range []string{"|taobao|880001|2026-03-01T02:00:00Z|draft|张三|tb_alice|", "|CNY|1598.00|0.00|",
				"|SKII-230|SK-II 神仙水|2|"} {
				if !strings.Contains(first, want) {
					t.Errorf("first row lacks %q: %s", want, first)
				}
			}
			// the export reads back with the generic preset, into another data folder
			code, out, errOut = run(t, t.TempDir(), "import", "orders", path, "--channel", "other")
			if code != 0 || !strings.HasPrefix(out, "created 3, skipped 0,") {
				t.Fatalf("import of the export exit %d: %q %s", code, out, errOut)
			}
		})
	}
}
