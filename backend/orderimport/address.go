package orderimport

import (
	"strings"
	"unicode/utf8"
)

// Address is a Chinese mainland address split into its parts.
type Address struct {
	Province string `json:"province"`
	City     string `json:"city"`
	District string `json:"district"`
	Street   string `json:"street"`
	Postcode string `json:"postcode"`
}

// provinces are the province-level divisions with the short forms shop exports use
// ("上海 上海市 浦东新区 …", "广西 南宁市 …").
var provinces = []struct{ full, short string }{
	{"北京市", "北京"}, {"天津市", "天津"}, {"上海市", "上海"}, {"重庆市", "重庆"},
	{"河北省", "河北"}, {"山西省", "山西"}, {"辽宁省", "辽宁"}, {"吉林省", "吉林"}, {"黑龙江省", "黑龙江"},
	{"江苏省", "江苏"}, {"浙江省", "浙江"}, {"安徽省", "安徽"}, {"福建省", "福建"}, {"江西省", "江西"},
	{"山东省", "山东"}, {"河南省", "河南"}, {"湖北省", "湖北"}, {"湖南省", "湖南"}, {"广东省", "广东"},
	{"海南省", "海南"}, {"四川省", "四川"}, {"贵州省", "贵州"}, {"云南省", "云南"}, {"陕西省", "陕西"},
	{"甘肃省", "甘肃"}, {"青海省", "青海"}, {"台湾省", "台湾"},
	{"内蒙古自治区", "内蒙古"}, {"广西壮族自治区", "广西"}, {"西藏自治区", "西藏"},
	{"宁夏回族自治区", "宁夏"}, {"新疆维吾尔自治区", "新疆"},
	{"香港特别行政区", "香港"}, {"澳门特别行政区", "澳门"},
}

// municipalities are cities at province level: their city is the province again.
var municipalities = map[string]bool{"北京市": true, "天津市": true, "上海市": true, "重庆市": true}

// noCities are the regions with no city / district split in mainland terms.
var noCities = map[string]bool{"香港特别行政区": true, "澳门特别行政区": true, "台湾省": true}

var (
	cityEnds     = []string{"自治州", "地区", "盟", "市"}
	districtEnds = []string{"新区", "区", "县", "旗", "市"}
)

// SplitAddress splits a full mainland address as shops export it, with or without spaces
// between the parts ("上海 上海市 浦东新区 世纪大道100号", "广东省深圳市南山区科技园1号",
// "内蒙古自治区呼和浩特市新城区…"), into province, city, district and street; a trailing
// 6-digit postcode ("… (200120)") goes to Postcode. A municipality's city is the municipality
// (上海市 上海市 浦东新区). What it cannot place stays in Street, so nothing is lost; an
// address with no known province comes back whole in Street.
func SplitAddress(s string) Address {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), " ")
	var a Address
	s, a.Postcode = cutPostcode(s)
	rest, ok := "", false
	for _, p := range provinces {
		for _, name := range []string{p.full, p.short} {
			if r, found := strings.CutPrefix(s, name); found {
				a.Province, rest, ok = p.full, strings.TrimSpace(r), true
				break
			}
		}
		if ok {
			break
		}
	}
	if !ok {
		a.Street = s
		return a
	}
	switch {
	case noCities[a.Province]:
		a.Street = rest
		return a
	case municipalities[a.Province]:
		a.City = a.Province
		short := strings.TrimSuffix(a.Province, "市")
		for _, dup := range []string{a.Province, short + "城区", "市辖区", short} { // "上海 上海市 …", "重庆 重庆城区 …"
			if r, found := strings.CutPrefix(rest, dup); found {
				rest = strings.TrimSpace(r)
				break
			}
		}
	default:
		a.City, rest = cutUnit(rest, cityEnds, 12)
	}
	a.District, rest = cutUnit(rest, districtEnds, 10)
	a.Street = rest
	return a
}

// cutPostcode takes a trailing 6-digit postcode, bare or in brackets ("… 200120",
// "… (200120)", "…（200120）"), off s, with the spaces and opening bracket before it. A string
// that is nothing but a postcode keeps it. (By hand: a regular expression made splitting
// 100,000 addresses take twice as long.)
func cutPostcode(s string) (rest, postcode string) {
	t := s
	for _, closing := range []string{")", "）"} {
		if strings.HasSuffix(t, closing) {
			t = t[:len(t)-len(closing)]
			break
		}
	}
	if len(t) < 6 || strings.IndexFunc(t[len(t)-6:], func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return s, ""
	}
	head := strings.TrimRightFunc(t[:len(t)-6], func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' || r == '(' || r == '（'
	})
	if head == "" {
		return s, ""
	}
	return strings.TrimSpace(head), t[len(t)-6:]
}

// cutUnit takes the leading division name from s: the first space-separated word when it
// ends in one of ends, else the shortest prefix of at most max characters ending in one.
func cutUnit(s string, ends []string, max int) (unit, rest string) {
	if word, after, found := strings.Cut(s, " "); found {
		for _, e := range ends {
			if strings.HasSuffix(word, e) && word != e {
				return word, strings.TrimSpace(after)
			}
		}
	}
	best := -1
	for _, e := range ends {
		i := strings.Index(s, e)
		if i <= 0 || utf8.RuneCountInString(s[:i]) >= max {
			continue
		}
		if end := i + len(e); best < 0 || end < best {
			best = end
		}
	}
	if best < 0 {
		return "", s
	}
	return s[:best], strings.TrimSpace(s[best:])
}
