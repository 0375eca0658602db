package customers_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// BenchmarkFind200k measures the customer list's queries on 200,000 customers (the size the
// issue names): go test -run '^$' -bench Find200k ./backend/customers/
func BenchmarkFind200k(b *testing.B) {
	const n = 200_000
	db, err := store.Open(filepath.Join(b.TempDir(), "daigou.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := customers.New(db)
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽")
	tags := []string{"VIP", "护肤", "彩妆", "批发", "回头客", "母婴", "奢侈品"}
	rnd := rand.New(rand.NewPCG(1, 2))
	var target string
	err = db.Write(ctx, func(tx *store.Tx) error {
		rows := make([]store.Row, 0, n)
		for i := range n {
			name := string(surnames[rnd.IntN(len(surnames))]) + string(given[rnd.IntN(len(given))])
			if rnd.IntN(2) == 0 {
				name += string(given[rnd.IntN(len(given))])
			}
			f := store.Fields{
				"name": name, "wechat": fmt.Sprintf("wx_%07d", i), "phone": fmt.Sprintf("1%d%09d", 3+rnd.IntN(7), rnd.IntN(1e9)),
				"tags": tags[rnd.IntN(len(tags))], "created_at": "2025-01-01T00:00:00Z",
			}
			if i%3 == 0 {
				f["xiaohongshu"] = name + "的小红书"
			}
			id := domain.NewID()
			if i == n/2 {
				f["name"], f["phone"], target = "欧阳娜娜", "13912345678", id
			}
			rows = append(rows, store.Row{ID: id, Fields: f})
		}
		return tx.SetMany("customers", rows)
	})
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		f    customers.CustomerFilter
	}{
		{"FirstPage", customers.CustomerFilter{Limit: 100}},
		{"PageAt100k", customers.CustomerFilter{Offset: 100_000, Limit: 100}},
		{"NewestFirst", customers.CustomerFilter{Sort: "created", Desc: true, Limit: 100}},
		{"ChineseOneChar", customers.CustomerFilter{Query: "娜", Limit: 100}},
		{"ChineseName", customers.CustomerFilter{Query: "欧阳娜娜", Limit: 100}},
		{"PhoneExact", customers.CustomerFilter{Query: "139 1234 5678", Limit: 100}},
		{"PhonePartial", customers.CustomerFilter{Query: "1234 567", Limit: 100}},
		{"WeChat", customers.CustomerFilter{Query: "wx_0100000", Limit: 100}},
		{"Tag", customers.CustomerFilter{Tag: "母婴", Limit: 100}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := svc.FindCustomers(ctx, c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("GetCustomer", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.GetCustomer(ctx, target); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Tags", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.Tags(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
