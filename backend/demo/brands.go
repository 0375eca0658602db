package demo

// brand is a maker whose goods daigou teams buy abroad. Goods are "中文名|original name|
// category|weight g|cost in the brand's currency|shelf life (1/0)".
type brand struct {
	code, zh, orig string
	country        string // ISO country: picks the currency and the barcode prefix
	goods          []string
}

// countries: currency, rough CNY per unit (for prices), EAN prefixes.
var countries = map[string]struct {
	currency string
	cnyRate  float64
	prefix   string
}{
	"JP": {"JPY", 0.048, "49"}, "KR": {"KRW", 0.0053, "880"}, "FR": {"EUR", 7.8, "30"},
	"DE": {"EUR", 7.8, "40"}, "IT": {"EUR", 7.8, "80"}, "US": {"USD", 7.2, "00"},
	"AU": {"AUD", 4.7, "93"}, "GB": {"GBP", 9.1, "50"}, "CH": {"CHF", 8.1, "76"}, "NZ": {"NZD", 4.3, "94"},
}

// categories: name, English name, storage zone.
var categories = []struct{ zh, en, zone string }{
	{"护肤", "Skincare", "化妆品"}, {"彩妆", "Make-up", "化妆品"}, {"香水", "Fragrance", "化妆品"},
	{"保健品", "Supplements", "保健品"}, {"母婴", "Baby", "日用品"}, {"个人护理", "Personal care", "日用品"},
	{"零食", "Snacks", "日用品"}, {"家居", "Home", "日用品"}, {"箱包", "Bags", "奢侈品"},
	{"配饰", "Accessories", "奢侈品"}, {"电子产品", "Electronics", "电子产品"},
}

var brands = []brand{
	{"SHI", "资生堂", "Shiseido", "JP", []string{
		"红腰子精华 50ml|Ultimune Power Infusing Concentrate 50ml|护肤|180|12100|1",
		"红腰子精华 100ml|Ultimune Power Infusing Concentrate 100ml|护肤|290|19800|1",
		"悦薇乳液 100ml|Benefiance Wrinkle Smoothing Emulsion 100ml|护肤|220|8800|1",
		"新艳阳夏防晒霜 50ml|Anessa Perfect UV Sunscreen Milk 60ml|护肤|110|3278|1",
		"时光琉璃精华 30ml|Vital Perfection Serum 30ml|护肤|150|16500|1",
		"洗颜专科洗面奶 120g|Senka Perfect Whip 120g|个人护理|140|528|1",
	}},
	{"SK2", "SK-II", "SK-II", "JP", []string{
		"神仙水 230ml|Facial Treatment Essence 230ml|护肤|520|25850|1",
		"神仙水 160ml|Facial Treatment Essence 160ml|护肤|390|19800|1",
		"小灯泡精华 50ml|GenOptics Aura Essence 50ml|护肤|200|22000|1",
		"大红瓶面霜 80g|Skinpower Advanced Cream 80g|护肤|310|24200|1",
		"清莹露 230ml|Facial Treatment Clear Lotion 230ml|护肤|450|9900|1",
		"前男友面膜 6片|Facial Treatment Mask 6 sheets|护肤|260|11000|1",
	}},
	{"CPB", "肌肤之钥", "Clé de Peau Beauté", "JP", []string{
		"光采精华 50ml|Le Sérum 50ml|护肤|210|27500|1",
		"钻光面霜 30ml|La Crème 30ml|护肤|180|71500|1",
		"长管隔离 37ml|Correcting Cream Veil 37ml|彩妆|90|8250|1",
		"光感粉底液 35ml|Radiant Fluid Foundation 35ml|彩妆|110|11000|1",
	}},
	{"KOS", "高丝", "Kosé", "JP", []string{
		"雪肌精化妆水 200ml|Sekkisei Lotion 200ml|护肤|330|5500|1",
		"雪肌精乳液 140ml|Sekkisei Emulsion 140ml|护肤|260|5500|1",
		"黛珂紫苏水 300ml|Decorté Liposome Lotion 300ml|护肤|450|6600|1",
		"黛珂小紫瓶精华 50ml|Decorté Liposome Advanced Repair Serum 50ml|护肤|190|12100|1",
	}},
	{"POL", "宝丽", "POLA", "JP", []string{
		"黑BA面霜 50g|B.A The Cream 50g|护肤|250|33000|1",
		"美白丸 180粒|White Shot Inner Lock Supplement 180 tabs|保健品|120|21600|1",
		"极光精华 20ml|Red B.A Serum 20ml|护肤|100|11000|1",
	}},
	{"CAN", "井田", "Canmake", "JP", []string{
		"棉花糖蜜粉饼|Marshmallow Finish Powder|彩妆|40|1034|1",
		"五色眼影盘|Perfect Stylist Eyes|彩妆|30|858|1",
		"腮红 PW20|Glow Fleur Cheeks PW20|彩妆|20|880|1",
		"防晒隔离霜 SPF50|Mermaid Skin Gel UV SPF50|彩妆|50|792|1",
	}},
	{"MUJ", "无印良品", "MUJI", "JP", []string{
		"敏感肌化妆水 400ml|Sensitive Skin Toning Water 400ml|护肤|450|1290|1",
		"超音波香薰机|Ultrasonic Aroma Diffuser|家居|420|6990|0",
		"PP收纳盒 小号|PP Storage Box Small|家居|380|790|0",
		"卸妆油 200ml|Mild Cleansing Oil 200ml|个人护理|230|990|1",
		"凝胶中性笔 10支|Gel Ink Ballpoint Pen 0.5mm 10 pcs|家居|80|1000|0",
	}},
	{"KAO", "花王", "Kao", "JP", []string{
		"妙而舒纸尿裤 M 64片|Merries Diapers M 64|母婴|1900|1650|0",
		"蒸汽眼罩 12片|MegRhythm Steam Eye Mask 12|个人护理|190|1078|1",
		"碧柔防晒 50g|Bioré UV Aqua Rich Watery Essence 50g|个人护理|70|968|1",
		"洁霸洗衣液 1.2kg|Attack Laundry Detergent 1.2kg|家居|1300|548|0",
	}},
	{"LIO", "狮王", "Lion", "JP", []string{
		"齿力佳牙膏 120g|Clinica Advantage Toothpaste 120g|个人护理|140|298|1",
		"小儿退热贴 12片|Kids Cooling Gel Sheet 12|母婴|120|598|1",
		"眼药水 13ml|Smile 40 EX Eye Drops 13ml|个人护理|30|638|1",
	}},
	{"MEI", "明治", "Meiji", "JP", []string{
		"胶原蛋白粉 196g|Amino Collagen Powder 196g|保健品|230|1944|1",
		"雪吻巧克力|Meltykiss Chocolate|零食|60|248|1",
		"婴儿奶粉 800g|Hohoemi Baby Formula 800g|母婴|1050|2780|1",
	}},
	{"ROY", "Royce'", "Royce'", "JP", []string{
		"生巧克力 抹茶|Nama Chocolate Matcha|零食|125|864|1",
		"薯片巧克力|Potatochip Chocolate Original|零食|190|864|1",
	}},
	{"CAL", "卡乐比", "Calbee", "JP", []string{
		"富果乐麦片 750g|Frugra Granola 750g|零食|780|918|1",
		"薯条三兄弟 10袋|Jaga Pokkuru 10 bags|零食|190|1080|1",
	}},
	{"TIG", "虎牌", "Tiger", "JP", []string{
		"保温杯 480ml|Stainless Steel Vacuum Bottle 480ml|家居|220|4378|0",
		"电饭煲 5.5合|JPW-A100 IH Rice Cooker 5.5 cups|电子产品|6500|42000|0",
	}},
	{"ZOJ", "象印", "Zojirushi", "JP", []string{
		"保温杯 360ml|SM-SF36 Vacuum Mug 360ml|家居|180|3980|0",
		"电热水壶 2.2L|CD-WU22 Electric Dispensing Pot 2.2L|电子产品|2400|18800|0",
	}},
	{"PAN", "松下", "Panasonic", "JP", []string{
		"纳米水离子吹风机|Nanocare Hair Dryer EH-NA0J|电子产品|600|38500|0",
		"电动牙刷|Doltz EW-DP54|电子产品|320|19800|0",
		"剃须刀 5刀头|Lamdash 5-blade Shaver ES-LS9CX|电子产品|450|42800|0",
		"蒸脸器|Steamer Nano Care EH-SA0B|电子产品|1400|31900|0",
	}},
	{"SON", "索尼", "Sony", "JP", []string{
		"降噪耳机 WH-1000XM5|WH-1000XM5 Headphones|电子产品|250|53900|0",
		"真无线耳机 WF-1000XM5|WF-1000XM5 Earbuds|电子产品|60|39600|0",
		"微单相机 ZV-E10|ZV-E10 Camera|电子产品|350|84000|0",
	}},
	{"NIN", "任天堂", "Nintendo", "JP", []string{
		"Switch OLED 主机|Switch OLED Console|电子产品|1500|37980|0",
		"Joy-Con 手柄|Joy-Con Controller Pair|电子产品|200|8228|0",
		"塞尔达传说 王国之泪|The Legend of Zelda: Tears of the Kingdom|电子产品|60|7920|0",
	}},
	{"SUL", "雪花秀", "Sulwhasoo", "KR", []string{
		"润燥精华 90ml|First Care Activating Serum 90ml|护肤|330|150000|1",
		"滋阴水 150ml|Essential Comfort Balancing Water 150ml|护肤|380|75000|1",
		"滋盈肌本面霜 50ml|Concentrated Ginseng Renewing Cream 50ml|护肤|300|270000|1",
		"玉容面膜 120ml|Overnight Vitalizing Mask 120ml|护肤|280|60000|1",
	}},
	{"WHO", "Whoo后", "The History of Whoo", "KR", []string{
		"天气丹水乳套装|Cheonyuldan Balancing Set|护肤|1200|320000|1",
		"拱辰享气韵生水 150ml|Gongjinhyang Balancing Toner 150ml|护肤|360|68000|1",
		"秘贴精华 50ml|Bichup Self-Generating Essence 50ml|护肤|260|120000|1",
	}},
	{"AMO", "爱茉莉", "Amorepacific", "KR", []string{
		"兰芝睡眠面膜 70ml|Laneige Water Sleeping Mask 70ml|护肤|150|34000|1",
		"兰芝唇膜 20g|Laneige Lip Sleeping Mask 20g|护肤|40|22000|1",
		"梦妆气垫|Mamonde Cover Cushion|彩妆|80|32000|1",
		"爱丽小屋眼影|Etude Play Color Eyes|彩妆|90|26000|1",
	}},
	{"CRX", "珂丝艾丝", "COSRX", "KR", []string{
		"蜗牛精华 96ml|Advanced Snail 96 Mucin Essence 100ml|护肤|190|25000|1",
		"水杨酸洁面 150ml|Low pH Good Morning Gel Cleanser 150ml|个人护理|180|12000|1",
		"痘痘贴 24片|Acne Pimple Master Patch 24|个人护理|20|5500|1",
	}},
	{"JUN", "正官庄", "CheongKwanJang", "KR", []string{
		"高丽参精 240g|Korean Red Ginseng Extract 240g|保健品|400|258000|1",
		"红参液 30包|Everytime Red Ginseng Stick 30|保健品|450|98000|1",
	}},
	{"SAM", "三星", "Samsung", "KR", []string{
		"Galaxy Buds3 Pro|Galaxy Buds3 Pro|电子产品|60|319000|0",
		"移动固态硬盘 T7 1TB|Portable SSD T7 1TB|电子产品|60|159000|0",
	}},
	{"LAM", "海蓝之谜", "La Mer", "US", []string{
		"精华面霜 60ml|Crème de la Mer 60ml|护肤|360|380|1",
		"精粹水 150ml|The Treatment Lotion 150ml|护肤|380|175|1",
		"浓缩精华 30ml|The Concentrate 30ml|护肤|180|495|1",
		"修护唇霜 9g|The Lip Balm 9g|护肤|40|80|1",
	}},
	{"KIE", "科颜氏", "Kiehl's", "US", []string{
		"高保湿面霜 125ml|Ultra Facial Cream 125ml|护肤|260|62|1",
		"金盏花爽肤水 250ml|Calendula Herbal-Extract Toner 250ml|护肤|360|48|1",
		"牛油果眼霜 28g|Creamy Eye Treatment with Avocado 28g|护肤|80|58|1",
		"淡斑精华 50ml|Clearly Corrective Dark Spot Solution 50ml|护肤|160|98|1",
		"安白瓶精华 75ml|Powerful-Strength Line-Reducing Concentrate 75ml|护肤|190|110|1",
	}},
	{"ELA", "雅诗兰黛", "Estée Lauder", "US", []string{
		"小棕瓶精华 50ml|Advanced Night Repair 50ml|护肤|220|120|1",
		"小棕瓶精华 100ml|Advanced Night Repair 100ml|护肤|340|185|1",
		"DW持妆粉底液 30ml|Double Wear Foundation 30ml|彩妆|110|52|1",
		"红石榴水 200ml|Nutritious Micro-Algae Lotion 200ml|护肤|330|58|1",
	}},
	{"CLI", "倩碧", "Clinique", "US", []string{
		"黄油 125ml|Dramatically Different Moisturizing Lotion+ 125ml|护肤|230|34|1",
		"紫胖子卸妆膏 125ml|Take The Day Off Cleansing Balm 125ml|个人护理|190|38|1",
	}},
	{"MAC", "魅可", "M·A·C", "US", []string{
		"子弹头口红 Chili|Matte Lipstick Chili|彩妆|20|25|1",
		"定妆喷雾 100ml|Prep + Prime Fix+ 100ml|彩妆|120|35|1",
		"Studio Fix 粉饼|Studio Fix Powder Plus Foundation|彩妆|50|40|1",
	}},
	{"COA", "蔻驰", "Coach", "US", []string{
		"Tabby 手袋 26|Tabby Shoulder Bag 26|箱包|700|450|0",
		"Willow 托特包|Willow Tote 24|箱包|800|395|0",
		"长款钱包|Long Zip Around Wallet|配饰|250|250|0",
	}},
	{"APL", "苹果", "Apple", "US", []string{
		"AirPods Pro 2|AirPods Pro (2nd generation)|电子产品|60|249|0",
		"AirTag 4件装|AirTag 4 Pack|电子产品|60|99|0",
		"Apple Watch SE 40mm|Apple Watch SE 40mm|电子产品|150|249|0",
	}},
	{"GNC", "健安喜", "GNC", "US", []string{
		"鱼油 1000mg 180粒|Triple Strength Fish Oil 180 softgels|保健品|350|45|1",
		"男士复合维生素|Mega Men Multivitamin 90 caplets|保健品|250|40|1",
	}},
	{"NAT", "天维美", "Nature Made", "US", []string{
		"维生素D3 2000IU|Vitamin D3 2000 IU 220 softgels|保健品|200|16|1",
		"叶酸 400mcg|Folic Acid 400 mcg 250 tablets|保健品|150|10|1",
	}},
	{"SWI", "Swisse", "Swisse", "AU", []string{
		"葡萄籽 300粒|Ultiboost Grape Seed 300 tabs|保健品|420|45|1",
		"高浓度蔓越莓 30粒|Ultiboost High Strength Cranberry 30|保健品|90|25|1",
		"护肝片 120粒|Ultiboost Liver Detox 120 tabs|保健品|240|30|1",
		"钙+维生素D 150粒|Ultiboost Calcium + Vitamin D 150|保健品|380|22|1",
		"女士复合维生素|Women's Ultivite 120 tabs|保健品|250|38|1",
		"胶原蛋白液 500ml|Beauty Collagen Liquid 500ml|保健品|620|30|1",
	}},
	{"BLK", "澳佳宝", "Blackmores", "AU", []string{
		"深海鱼油 400粒|Odourless Fish Oil 1000mg 400|保健品|700|36|1",
		"孕妇黄金素 180粒|Pregnancy & Breastfeeding Gold 180|保健品|380|55|1",
		"维骨力 180粒|Glucosamine Sulfate 1500 One-A-Day 180|保健品|400|60|1",
		"蜂胶 200粒|Propolis 1000mg 200 caps|保健品|280|32|1",
	}},
	{"BIO", "佰澳朗德", "Bio Island", "AU", []string{
		"婴幼儿DHA 60粒|DHA for Kids 60 capsules|母婴|80|25|1",
		"乳钙 90粒|Milk Calcium for Kids 90|母婴|120|25|1",
		"孕妇海藻油|DHA for Pregnancy 60|保健品|90|35|1",
	}},
	{"A2M", "a2", "a2 Milk", "AU", []string{
		"白金版奶粉 1段 900g|Platinum Premium Infant Formula Stage 1 900g|母婴|1150|40|1",
		"白金版奶粉 3段 900g|Platinum Premium Toddler Stage 3 900g|母婴|1150|35|1",
	}},
	{"UGG", "UGG", "UGG", "AU", []string{
		"经典短靴|Classic Short II Boot|配饰|1300|270|0",
		"羊皮拖鞋|Scuffette II Slipper|配饰|700|140|0",
	}},
	{"LUC", "Lucas", "Lucas' Papaw", "AU", []string{
		"木瓜膏 25g|Papaw Ointment 25g|个人护理|40|7|1",
		"木瓜膏 75g|Papaw Ointment 75g|个人护理|100|14|1",
	}},
	{"DYS", "戴森", "Dyson", "GB", []string{
		"吹风机 HD15|Supersonic Hair Dryer HD15|电子产品|1800|299|0",
		"卷发棒 Airwrap|Airwrap Multi-Styler Complete Long|电子产品|2200|479|0",
		"无线吸尘器 V15|V15 Detect Cordless Vacuum|电子产品|3100|599|0",
		"直发夹 Corrale|Corrale Hair Straightener|电子产品|1100|399|0",
	}},
	{"BUR", "博柏利", "Burberry", "GB", []string{
		"格纹羊绒围巾|Check Cashmere Scarf|配饰|400|470|0",
		"Her 女士香水 50ml|Her Eau de Parfum 50ml|香水|300|92|1",
	}},
	{"LAN", "兰蔻", "Lancôme", "FR", []string{
		"小黑瓶精华 50ml|Advanced Génifique Serum 50ml|护肤|210|105|1",
		"菁纯面霜 60ml|Absolue Soft Cream 60ml|护肤|420|225|1",
		"粉水 400ml|Tonique Confort 400ml|护肤|520|52|1",
		"持妆粉底液 30ml|Teint Idole Ultra Wear 30ml|彩妆|110|49|1",
	}},
	{"DIO", "迪奥", "Dior", "FR", []string{
		"烈艳蓝金口红 999|Rouge Dior 999|彩妆|30|45|1",
		"真我香水 100ml|J'adore Eau de Parfum 100ml|香水|420|165|1",
		"旷野男士香水 100ml|Sauvage Eau de Toilette 100ml|香水|400|120|1",
		"花秘瑰萃精华 30ml|Prestige La Micro-Huile de Rose 30ml|护肤|160|290|1",
		"Book Tote 中号|Book Tote Medium|箱包|1100|3100|0",
	}},
	{"CHA", "香奈儿", "Chanel", "FR", []string{
		"五号香水 100ml|N°5 Eau de Parfum 100ml|香水|450|172|1",
		"可可小姐香水 50ml|Coco Mademoiselle 50ml|香水|300|128|1",
		"山茶花精华 50ml|Hydra Beauty Micro Sérum 50ml|护肤|230|95|1",
		"CF 中号链条包|Classic Flap Bag Medium|箱包|900|10000|0",
	}},
	{"LVT", "路易威登", "Louis Vuitton", "FR", []string{
		"Neverfull MM|Neverfull MM Monogram|箱包|900|2000|0",
		"Speedy 25|Speedy Bandoulière 25|箱包|700|1650|0",
		"Zippy 钱包|Zippy Wallet Monogram|配饰|300|810|0",
		"Keepall 旅行袋 50|Keepall Bandoulière 50|箱包|1100|2700|0",
	}},
	{"HER", "爱马仕", "Hermès", "FR", []string{
		"丝巾 90|Carré 90 Silk Twill|配饰|100|495|0",
		"H 字皮带|H Belt Buckle & Reversible Leather Strap 32mm|配饰|350|850|0",
		"大地男士香水 100ml|Terre d'Hermès 100ml|香水|420|125|1",
	}},
	{"AVE", "雅漾", "Avène", "FR", []string{
		"舒护活泉喷雾 300ml|Thermal Spring Water 300ml|护肤|380|14|1",
		"修护霜 50ml|Cicalfate+ Restorative Cream 40ml|护肤|70|13|1",
	}},
	{"LRP", "理肤泉", "La Roche-Posay", "FR", []string{
		"B5 修复霜 40ml|Cicaplast Baume B5 40ml|护肤|70|11|1",
		"大哥大防晒 50ml|Anthelios UVmune 400 Fluid 50ml|护肤|80|20|1",
		"K 乳 40ml|Effaclar Duo+M 40ml|护肤|70|18|1",
	}},
	{"BIO2", "贝德玛", "Bioderma", "FR", []string{
		"粉水卸妆水 500ml|Sensibio H2O 500ml|个人护理|560|16|1",
		"蓝水卸妆水 500ml|Hydrabio H2O 500ml|个人护理|560|16|1",
	}},
	{"CAU", "欧缇丽", "Caudalie", "FR", []string{
		"葡萄籽喷雾 100ml|Beauty Elixir 100ml|护肤|150|38|1",
		"葡萄籽精华 30ml|Vinoperfect Radiance Serum 30ml|护肤|120|56|1",
	}},
	{"WEL", "维蕾德", "Weleda", "DE", []string{
		"金盏花婴儿护臀膏 75ml|Calendula Nappy Change Cream 75ml|母婴|110|8|1",
		"宝宝金盏花洗发沐浴露 200ml|Calendula Shampoo & Body Wash 200ml|母婴|240|10|1",
	}},
	{"DOP", "双心", "Doppelherz", "DE", []string{
		"辅酶Q10 60粒|Coenzym Q10 60 caps|保健品|90|15|1",
		"维生素B族 60粒|Vitamin B-Komplex 60|保健品|80|9|1",
	}},
	{"RIT", "瑞特斯波德", "Ritter Sport", "DE", []string{
		"牛奶榛子巧克力 100g|Whole Hazelnuts Milk Chocolate 100g|零食|110|2|1",
	}},
	{"ZWI", "双立人", "Zwilling", "DE", []string{
		"刀具五件套|Four Star 5-piece Knife Block|家居|2800|299|0",
		"指甲刀套装|Twinox Manicure Set 5 pcs|配饰|250|89|0",
	}},
	{"WMF", "福腾宝", "WMF", "DE", []string{
		"不锈钢炒锅 28cm|Profi Resist Wok 28cm|家居|1900|99|0",
	}},
	{"PRA", "普拉达", "Prada", "IT", []string{
		"Re-Edition 2005 尼龙包|Re-Edition 2005 Re-Nylon Bag|箱包|500|1550|0",
		"三角标卡包|Saffiano Leather Card Holder|配饰|80|290|0",
	}},
	{"GUC", "古驰", "Gucci", "IT", []string{
		"Marmont 小号链条包|GG Marmont Small Shoulder Bag|箱包|700|2300|0",
		"双G 皮带 3cm|GG Marmont Thin Belt|配饰|300|450|0",
		"花悦香水 50ml|Bloom Eau de Parfum 50ml|香水|320|105|1",
	}},
	{"KIK", "Kiko", "KIKO Milano", "IT", []string{
		"3D 唇釉|3D Hydra Lipgloss|彩妆|20|9|1",
		"眼影单色|Water Eyeshadow|彩妆|20|8|1",
	}},
	{"SWA", "施华洛世奇", "Swarovski", "CH", []string{
		"天鹅项链|Iconic Swan Pendant|配饰|80|139|0",
		"Millenia 耳钉|Millenia Stud Earrings|配饰|60|119|0",
	}},
	{"LDT", "瑞士莲", "Lindt", "CH", []string{
		"软心巧克力球 200g|Lindor Milk Truffles 200g|零食|220|9|1",
		"Excellence 85%黑巧|Excellence 85% Cocoa 100g|零食|110|3|1",
	}},
	{"COM", "康维他", "Comvita", "NZ", []string{
		"麦卢卡蜂蜜 UMF10+ 250g|Manuka Honey UMF 10+ 250g|保健品|400|55|1",
		"麦卢卡蜂蜜 UMF15+ 250g|Manuka Honey UMF 15+ 250g|保健品|400|89|1",
		"蜂胶喷雾 20ml|Propolis Throat Spray 20ml|保健品|60|18|1",
	}},
	{"RED", "Red Seal", "Red Seal", "NZ", []string{
		"小苏打牙膏 160g|Natural Baking Soda Toothpaste 160g|个人护理|200|5|1",
	}},
}
