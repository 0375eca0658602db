package orderimport_test

import (
	"testing"

	"daigoudesk/backend/orderimport"
)

func TestSplitAddress(t *testing.T) {
	scenarios := []struct {
		name, in string
		want     orderimport.Address
	}{
		{"TaobaoMunicipality", "上海 上海市 浦东新区 世纪大道100号 环球金融中心 (200120)",
			orderimport.Address{"上海市", "上海市", "浦东新区", "世纪大道100号 环球金融中心", "200120"}},
		{"MunicipalityNoSpaces", "北京市朝阳区建国路88号", orderimport.Address{"北京市", "北京市", "朝阳区", "建国路88号", ""}},
		{"MunicipalityTwice", "北京市北京市海淀区中关村大街1号", orderimport.Address{"北京市", "北京市", "海淀区", "中关村大街1号", ""}},
		{"ChongqingCounty", "重庆 重庆市 巫山县 广东中路5号", orderimport.Address{"重庆市", "重庆市", "巫山县", "广东中路5号", ""}},
		{"ProvinceSpaced", "浙江省 杭州市 西湖区 文三路 478号", orderimport.Address{"浙江省", "杭州市", "西湖区", "文三路 478号", ""}},
		{"ProvinceShortSpaced", "广东 深圳市 南山区 科技园科苑路1号", orderimport.Address{"广东省", "深圳市", "南山区", "科技园科苑路1号", ""}},
		{"ProvinceNoSpaces", "广东省深圳市南山区科技园1号", orderimport.Address{"广东省", "深圳市", "南山区", "科技园1号", ""}},
		{"AutonomousRegion", "内蒙古自治区呼和浩特市新城区新华大街1号", orderimport.Address{"内蒙古自治区", "呼和浩特市", "新城区", "新华大街1号", ""}},
		{"AutonomousPrefecture", "湖北省恩施土家族苗族自治州恩施市航空大道2号", orderimport.Address{"湖北省", "恩施土家族苗族自治州", "恩施市", "航空大道2号", ""}},
		{"CountyLevelCity", "江苏省 苏州市 昆山市 前进中路8号", orderimport.Address{"江苏省", "苏州市", "昆山市", "前进中路8号", ""}},
		{"County", "云南省大理白族自治州宾川县金牛镇", orderimport.Address{"云南省", "大理白族自治州", "宾川县", "金牛镇", ""}},
		{"Xinjiang", "新疆 乌鲁木齐市 天山区 解放南路", orderimport.Address{"新疆维吾尔自治区", "乌鲁木齐市", "天山区", "解放南路", ""}},
		{"HongKong", "香港特别行政区 九龙 弥敦道1号", orderimport.Address{"香港特别行政区", "", "", "九龙 弥敦道1号", ""}},
		{"NoDistrict", "广东省东莞市长安镇振安路", orderimport.Address{"广东省", "东莞市", "", "长安镇振安路", ""}},
		{"Unknown", "Flat 2, 10 Downing Street", orderimport.Address{"", "", "", "Flat 2, 10 Downing Street", ""}},
		{"FullWidthSpaces", "上海\u3000上海市\u3000徐汇区\u3000漕溪北路1号", orderimport.Address{"上海市", "上海市", "徐汇区", "漕溪北路1号", ""}},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			if got := orderimport.SplitAddress(s.in); got != s.want {
				t.Fatalf("SplitAddress(%q)\n got %+v\nwant %+v", s.in, got, s.want)
			}
		})
	}
}
