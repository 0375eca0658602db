export namespace app {
	
	export class CustomerDetail {
	    customer: customers.Customer;
	    addresses: customers.Address[];
	    lifetime: customers.Lifetime;
	    recentOrders: customers.OrderSummary[];
	    baseCurrency: string;
	
	    static createFrom(source: any = {}) {
	        return new CustomerDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customer = this.convertValues(source["customer"], customers.Customer);
	        this.addresses = this.convertValues(source["addresses"], customers.Address);
	        this.lifetime = this.convertValues(source["lifetime"], customers.Lifetime);
	        this.recentOrders = this.convertValues(source["recentOrders"], customers.OrderSummary);
	        this.baseCurrency = source["baseCurrency"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CustomerPage {
	    items: customers.Customer[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new CustomerPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], customers.Customer);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ErrorDTO {
	    code: string;
	    message: string;
	    field?: string;
	    key?: string;
	    params?: {[key: string]: any};
	    problems?: domain.LineProblem[];
	    details?: ErrorDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ErrorDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.field = source["field"];
	        this.key = source["key"];
	        this.params = source["params"];
	        this.problems = this.convertValues(source["problems"], domain.LineProblem);
	        this.details = this.convertValues(source["details"], ErrorDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportResult {
	    path: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.count = source["count"];
	    }
	}
	export class LevelPage {
	    items: stock.LevelRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new LevelPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], stock.LevelRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MovePage {
	    items: stock.Move[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new MovePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], stock.Move);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OrderPage {
	    items: orders.Order[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], orders.Order);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProductPage {
	    items: catalog.Product[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ProductPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], catalog.Product);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SyncFlag {
	    kind: string;
	    subject: string;
	    productId?: string;
	    locationId?: string;
	    ref?: string;
	    qty?: number;
	    short?: number;
	    product: string;
	    location: string;
	    orderId: string;
	    orderNumber: string;
	    choices: string[];
	
	    static createFrom(source: any = {}) {
	        return new SyncFlag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.subject = source["subject"];
	        this.productId = source["productId"];
	        this.locationId = source["locationId"];
	        this.ref = source["ref"];
	        this.qty = source["qty"];
	        this.short = source["short"];
	        this.product = source["product"];
	        this.location = source["location"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.choices = source["choices"];
	    }
	}
	export class SyncStatus {
	    folder: string;
	    encrypted: boolean;
	    device: string;
	    deviceName: string;
	    dataDir: string;
	    lastExport: string;
	    lastImport: string;
	    unexported: number;
	    unexportedCap: number;
	    devices: sync.DeviceInfo[];
	    problems: sync.FileProblem[];
	    clocks: sync.ClockWarning[];
	    flags: SyncFlag[];
	    running: boolean;
	    lastError?: ErrorDTO;
	
	    static createFrom(source: any = {}) {
	        return new SyncStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.encrypted = source["encrypted"];
	        this.device = source["device"];
	        this.deviceName = source["deviceName"];
	        this.dataDir = source["dataDir"];
	        this.lastExport = source["lastExport"];
	        this.lastImport = source["lastImport"];
	        this.unexported = source["unexported"];
	        this.unexportedCap = source["unexportedCap"];
	        this.devices = this.convertValues(source["devices"], sync.DeviceInfo);
	        this.problems = this.convertValues(source["problems"], sync.FileProblem);
	        this.clocks = this.convertValues(source["clocks"], sync.ClockWarning);
	        this.flags = this.convertValues(source["flags"], SyncFlag);
	        this.running = source["running"];
	        this.lastError = this.convertValues(source["lastError"], ErrorDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SyncPass {
	    exported: number;
	    result: sync.ImportResult;
	    error?: ErrorDTO;
	    status: SyncStatus;
	
	    static createFrom(source: any = {}) {
	        return new SyncPass(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.exported = source["exported"];
	        this.result = this.convertValues(source["result"], sync.ImportResult);
	        this.error = this.convertValues(source["error"], ErrorDTO);
	        this.status = this.convertValues(source["status"], SyncStatus);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace catalog {
	
	export class Category {
	    id: string;
	    name: string;
	    nameEn: string;
	    parentId: string;
	
	    static createFrom(source: any = {}) {
	        return new Category(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.parentId = source["parentId"];
	    }
	}
	export class ImportResult {
	    created: number;
	    updated: number;
	    unchanged: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	    }
	}
	export class Location {
	    id: string;
	    zoneId: string;
	    zoneName: string;
	    name: string;
	    kind: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Location(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.zoneId = source["zoneId"];
	        this.zoneName = source["zoneName"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.note = source["note"];
	    }
	}
	export class Product {
	    id: string;
	    sku: string;
	    nameZh: string;
	    nameOrig: string;
	    brand: string;
	    categoryId: string;
	    barcode: string;
	    cost: number;
	    costCurrency: string;
	    price: number;
	    priceCurrency: string;
	    weightG: number;
	    photo: string;
	    notes: string;
	    shelfLife: boolean;
	    reorderPoint: number;
	    reorderQty: number;
	    categoryName: string;
	    createdAt: string;
	    onHand: number;
	    reserved: number;
	    available: number;
	
	    static createFrom(source: any = {}) {
	        return new Product(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sku = source["sku"];
	        this.nameZh = source["nameZh"];
	        this.nameOrig = source["nameOrig"];
	        this.brand = source["brand"];
	        this.categoryId = source["categoryId"];
	        this.barcode = source["barcode"];
	        this.cost = source["cost"];
	        this.costCurrency = source["costCurrency"];
	        this.price = source["price"];
	        this.priceCurrency = source["priceCurrency"];
	        this.weightG = source["weightG"];
	        this.photo = source["photo"];
	        this.notes = source["notes"];
	        this.shelfLife = source["shelfLife"];
	        this.reorderPoint = source["reorderPoint"];
	        this.reorderQty = source["reorderQty"];
	        this.categoryName = source["categoryName"];
	        this.createdAt = source["createdAt"];
	        this.onHand = source["onHand"];
	        this.reserved = source["reserved"];
	        this.available = source["available"];
	    }
	}
	export class ProductFilter {
	    query: string;
	    categoryId: string;
	    brand: string;
	    lowStock: boolean;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ProductFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.categoryId = source["categoryId"];
	        this.brand = source["brand"];
	        this.lowStock = source["lowStock"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class ProductInput {
	    sku: string;
	    nameZh: string;
	    nameOrig: string;
	    brand: string;
	    categoryId: string;
	    barcode: string;
	    cost: number;
	    costCurrency: string;
	    price: number;
	    priceCurrency: string;
	    weightG: number;
	    photo: string;
	    notes: string;
	    shelfLife: boolean;
	    reorderPoint: number;
	    reorderQty: number;
	
	    static createFrom(source: any = {}) {
	        return new ProductInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.nameZh = source["nameZh"];
	        this.nameOrig = source["nameOrig"];
	        this.brand = source["brand"];
	        this.categoryId = source["categoryId"];
	        this.barcode = source["barcode"];
	        this.cost = source["cost"];
	        this.costCurrency = source["costCurrency"];
	        this.price = source["price"];
	        this.priceCurrency = source["priceCurrency"];
	        this.weightG = source["weightG"];
	        this.photo = source["photo"];
	        this.notes = source["notes"];
	        this.shelfLife = source["shelfLife"];
	        this.reorderPoint = source["reorderPoint"];
	        this.reorderQty = source["reorderQty"];
	    }
	}
	export class Zone {
	    id: string;
	    name: string;
	    kind: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Zone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.note = source["note"];
	    }
	}

}

export namespace customers {
	
	export class Address {
	    id: string;
	    customerId: string;
	    recipient: string;
	    phone: string;
	    province: string;
	    city: string;
	    district: string;
	    street: string;
	    postcode: string;
	    isDefault: boolean;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Address(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.customerId = source["customerId"];
	        this.recipient = source["recipient"];
	        this.phone = source["phone"];
	        this.province = source["province"];
	        this.city = source["city"];
	        this.district = source["district"];
	        this.street = source["street"];
	        this.postcode = source["postcode"];
	        this.isDefault = source["isDefault"];
	        this.label = source["label"];
	    }
	}
	export class Customer {
	    id: string;
	    name: string;
	    wechat: string;
	    xiaohongshu: string;
	    taobao: string;
	    phone: string;
	    email: string;
	    idNumber: string;
	    idPhoto: string;
	    tags: string[];
	    notes: string;
	    mergedInto: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Customer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.wechat = source["wechat"];
	        this.xiaohongshu = source["xiaohongshu"];
	        this.taobao = source["taobao"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.idNumber = source["idNumber"];
	        this.idPhoto = source["idPhoto"];
	        this.tags = source["tags"];
	        this.notes = source["notes"];
	        this.mergedInto = source["mergedInto"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class CustomerFilter {
	    query: string;
	    tag: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new CustomerFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.tag = source["tag"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class CustomerInput {
	    name: string;
	    wechat: string;
	    xiaohongshu: string;
	    taobao: string;
	    phone: string;
	    email: string;
	    idNumber: string;
	    idPhoto: string;
	    tags: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new CustomerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.wechat = source["wechat"];
	        this.xiaohongshu = source["xiaohongshu"];
	        this.taobao = source["taobao"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.idNumber = source["idNumber"];
	        this.idPhoto = source["idPhoto"];
	        this.tags = source["tags"];
	        this.notes = source["notes"];
	    }
	}
	export class Lifetime {
	    orders: number;
	    paidBase: number;
	    firstOrderAt: string;
	    lastOrderAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Lifetime(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orders = source["orders"];
	        this.paidBase = source["paidBase"];
	        this.firstOrderAt = source["firstOrderAt"];
	        this.lastOrderAt = source["lastOrderAt"];
	    }
	}
	export class OrderSummary {
	    id: string;
	    number: string;
	    channel: string;
	    orderedAt: string;
	    paidBase: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.channel = source["channel"];
	        this.orderedAt = source["orderedAt"];
	        this.paidBase = source["paidBase"];
	    }
	}
	export class TagCount {
	    tag: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new TagCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tag = source["tag"];
	        this.count = source["count"];
	    }
	}

}

export namespace domain {
	
	export class LineProblem {
	    line: number;
	    field: string;
	    message: string;
	    key?: string;
	    params?: {[key: string]: any};
	
	    static createFrom(source: any = {}) {
	        return new LineProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.field = source["field"];
	        this.message = source["message"];
	        this.key = source["key"];
	        this.params = source["params"];
	    }
	}

}

export namespace orderimport {
	
	export class Field {
	    name: string;
	    required: boolean;
	    order: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.required = source["required"];
	        this.order = source["order"];
	    }
	}
	export class OrderPreview {
	    line: number;
	    channelOrderNo: string;
	    customer: string;
	    newCustomer: boolean;
	    province: string;
	    city: string;
	    status: string;
	    lines: number;
	    total: number;
	    currency: string;
	    orderedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.channelOrderNo = source["channelOrderNo"];
	        this.customer = source["customer"];
	        this.newCustomer = source["newCustomer"];
	        this.province = source["province"];
	        this.city = source["city"];
	        this.status = source["status"];
	        this.lines = source["lines"];
	        this.total = source["total"];
	        this.currency = source["currency"];
	        this.orderedAt = source["orderedAt"];
	    }
	}
	export class PendingFile {
	    path: string;
	    name: string;
	    size: number;
	    modTime: string;
	    preset: string;
	    channel: string;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new PendingFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.size = source["size"];
	        this.modTime = source["modTime"];
	        this.preset = source["preset"];
	        this.channel = source["channel"];
	        this.problem = source["problem"];
	    }
	}
	export class Preset {
	    name: string;
	    channel: string;
	    mapping: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new Preset(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.channel = source["channel"];
	        this.mapping = source["mapping"];
	    }
	}
	export class Unmatched {
	    title: string;
	    sku: string;
	    barcode: string;
	    lines: number[];
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Unmatched(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.sku = source["sku"];
	        this.barcode = source["barcode"];
	        this.lines = source["lines"];
	        this.count = source["count"];
	    }
	}
	export class Preview {
	    file: string;
	    channel: string;
	    preset: string;
	    mapping: {[key: string]: string};
	    headers: string[];
	    rows: number;
	    orders: number;
	    lines: number;
	    skipped: number;
	    newCustomers: number;
	    badOrders: number;
	    sample: OrderPreview[];
	    unmatched: Unmatched[];
	    problems: domain.LineProblem[];
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.channel = source["channel"];
	        this.preset = source["preset"];
	        this.mapping = source["mapping"];
	        this.headers = source["headers"];
	        this.rows = source["rows"];
	        this.orders = source["orders"];
	        this.lines = source["lines"];
	        this.skipped = source["skipped"];
	        this.newCustomers = source["newCustomers"];
	        this.badOrders = source["badOrders"];
	        this.sample = this.convertValues(source["sample"], OrderPreview);
	        this.unmatched = this.convertValues(source["unmatched"], Unmatched);
	        this.problems = this.convertValues(source["problems"], domain.LineProblem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    created: number;
	    lines: number;
	    skipped: number;
	    skippedBad: number;
	    unmatched: number;
	    preordered: number;
	    newCustomers: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.lines = source["lines"];
	        this.skipped = source["skipped"];
	        this.skippedBad = source["skippedBad"];
	        this.unmatched = source["unmatched"];
	        this.preordered = source["preordered"];
	        this.newCustomers = source["newCustomers"];
	    }
	}
	export class SavedMapping {
	    channel: string;
	    mapping: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new SavedMapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channel = source["channel"];
	        this.mapping = source["mapping"];
	    }
	}

}

export namespace orders {
	
	export class Profit {
	    revenue: number;
	    cost: number;
	    freight: number;
	    profit: number;
	    expected: number;
	    missing: string[];
	
	    static createFrom(source: any = {}) {
	        return new Profit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.revenue = source["revenue"];
	        this.cost = source["cost"];
	        this.freight = source["freight"];
	        this.profit = source["profit"];
	        this.expected = source["expected"];
	        this.missing = source["missing"];
	    }
	}
	export class Figures {
	    currency: string;
	    baseCurrency: string;
	    goods: number;
	    discount: number;
	    shippingFee: number;
	    total: number;
	    returned: number;
	    netTotal: number;
	    paid: number;
	    refunded: number;
	    balanceDue: number;
	    paidBase: number;
	    refundedBase: number;
	    refundDue: number;
	
	    static createFrom(source: any = {}) {
	        return new Figures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.baseCurrency = source["baseCurrency"];
	        this.goods = source["goods"];
	        this.discount = source["discount"];
	        this.shippingFee = source["shippingFee"];
	        this.total = source["total"];
	        this.returned = source["returned"];
	        this.netTotal = source["netTotal"];
	        this.paid = source["paid"];
	        this.refunded = source["refunded"];
	        this.balanceDue = source["balanceDue"];
	        this.paidBase = source["paidBase"];
	        this.refundedBase = source["refundedBase"];
	        this.refundDue = source["refundDue"];
	    }
	}
	export class TimelineEntry {
	    at: string;
	    type: string;
	    kind: string;
	    amount: number;
	    currency: string;
	    rate: string;
	    method: string;
	    ref: string;
	    lineId: string;
	    qty: number;
	    note: string;
	    device: string;
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new TimelineEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.type = source["type"];
	        this.kind = source["kind"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.method = source["method"];
	        this.ref = source["ref"];
	        this.lineId = source["lineId"];
	        this.qty = source["qty"];
	        this.note = source["note"];
	        this.device = source["device"];
	        this.id = source["id"];
	    }
	}
	export class Line {
	    id: string;
	    productId: string;
	    productName: string;
	    sku: string;
	    title: string;
	    qty: number;
	    unitPrice: number;
	    amount: number;
	    preorder: boolean;
	    locationId: string;
	    locationName: string;
	    reserved: number;
	    shipped: number;
	    returned: number;
	    filled: number;
	    notFound: string;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.productId = source["productId"];
	        this.productName = source["productName"];
	        this.sku = source["sku"];
	        this.title = source["title"];
	        this.qty = source["qty"];
	        this.unitPrice = source["unitPrice"];
	        this.amount = source["amount"];
	        this.preorder = source["preorder"];
	        this.locationId = source["locationId"];
	        this.locationName = source["locationName"];
	        this.reserved = source["reserved"];
	        this.shipped = source["shipped"];
	        this.returned = source["returned"];
	        this.filled = source["filled"];
	        this.notFound = source["notFound"];
	    }
	}
	export class Order {
	    id: string;
	    number: string;
	    channel: string;
	    channelOrderNo: string;
	    customerId: string;
	    customerName: string;
	    shipName: string;
	    shipPhone: string;
	    shipProvince: string;
	    shipCity: string;
	    shipDistrict: string;
	    shipStreet: string;
	    shipPostcode: string;
	    currency: string;
	    discount: number;
	    shippingFee: number;
	    dueDate: string;
	    priority: string;
	    effPriority: string;
	    zoneId: string;
	    note: string;
	    orderedAt: string;
	    createdAt: string;
	    status: string;
	    total: number;
	    paid: number;
	    balanceDue: number;
	
	    static createFrom(source: any = {}) {
	        return new Order(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.channel = source["channel"];
	        this.channelOrderNo = source["channelOrderNo"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.shipName = source["shipName"];
	        this.shipPhone = source["shipPhone"];
	        this.shipProvince = source["shipProvince"];
	        this.shipCity = source["shipCity"];
	        this.shipDistrict = source["shipDistrict"];
	        this.shipStreet = source["shipStreet"];
	        this.shipPostcode = source["shipPostcode"];
	        this.currency = source["currency"];
	        this.discount = source["discount"];
	        this.shippingFee = source["shippingFee"];
	        this.dueDate = source["dueDate"];
	        this.priority = source["priority"];
	        this.effPriority = source["effPriority"];
	        this.zoneId = source["zoneId"];
	        this.note = source["note"];
	        this.orderedAt = source["orderedAt"];
	        this.createdAt = source["createdAt"];
	        this.status = source["status"];
	        this.total = source["total"];
	        this.paid = source["paid"];
	        this.balanceDue = source["balanceDue"];
	    }
	}
	export class Detail {
	    order: Order;
	    lines: Line[];
	    timeline: TimelineEntry[];
	    figures: Figures;
	    profit: Profit;
	    next: string[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.order = this.convertValues(source["order"], Order);
	        this.lines = this.convertValues(source["lines"], Line);
	        this.timeline = this.convertValues(source["timeline"], TimelineEntry);
	        this.figures = this.convertValues(source["figures"], Figures);
	        this.profit = this.convertValues(source["profit"], Profit);
	        this.next = source["next"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Filter {
	    statuses: string[];
	    channel: string;
	    priority: string;
	    from: string;
	    to: string;
	    customerId: string;
	    query: string;
	    open: boolean;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statuses = source["statuses"];
	        this.channel = source["channel"];
	        this.priority = source["priority"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.customerId = source["customerId"];
	        this.query = source["query"];
	        this.open = source["open"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class InfoInput {
	    shipName: string;
	    shipPhone: string;
	    shipProvince: string;
	    shipCity: string;
	    shipDistrict: string;
	    shipStreet: string;
	    shipPostcode: string;
	    dueDate: string;
	    priority: string;
	    zoneId: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new InfoInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shipName = source["shipName"];
	        this.shipPhone = source["shipPhone"];
	        this.shipProvince = source["shipProvince"];
	        this.shipCity = source["shipCity"];
	        this.shipDistrict = source["shipDistrict"];
	        this.shipStreet = source["shipStreet"];
	        this.shipPostcode = source["shipPostcode"];
	        this.dueDate = source["dueDate"];
	        this.priority = source["priority"];
	        this.zoneId = source["zoneId"];
	        this.note = source["note"];
	    }
	}
	
	export class LineInput {
	    id: string;
	    productId: string;
	    title: string;
	    qty: number;
	    unitPrice: number;
	    preorder: boolean;
	    locationId: string;
	
	    static createFrom(source: any = {}) {
	        return new LineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.productId = source["productId"];
	        this.title = source["title"];
	        this.qty = source["qty"];
	        this.unitPrice = source["unitPrice"];
	        this.preorder = source["preorder"];
	        this.locationId = source["locationId"];
	    }
	}
	
	export class OrderInput {
	    channel: string;
	    channelOrderNo: string;
	    customerId: string;
	    shipName: string;
	    shipPhone: string;
	    shipProvince: string;
	    shipCity: string;
	    shipDistrict: string;
	    shipStreet: string;
	    shipPostcode: string;
	    currency: string;
	    discount: number;
	    shippingFee: number;
	    dueDate: string;
	    priority: string;
	    zoneId: string;
	    note: string;
	    orderedAt: string;
	    lines: LineInput[];
	
	    static createFrom(source: any = {}) {
	        return new OrderInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channel = source["channel"];
	        this.channelOrderNo = source["channelOrderNo"];
	        this.customerId = source["customerId"];
	        this.shipName = source["shipName"];
	        this.shipPhone = source["shipPhone"];
	        this.shipProvince = source["shipProvince"];
	        this.shipCity = source["shipCity"];
	        this.shipDistrict = source["shipDistrict"];
	        this.shipStreet = source["shipStreet"];
	        this.shipPostcode = source["shipPostcode"];
	        this.currency = source["currency"];
	        this.discount = source["discount"];
	        this.shippingFee = source["shippingFee"];
	        this.dueDate = source["dueDate"];
	        this.priority = source["priority"];
	        this.zoneId = source["zoneId"];
	        this.note = source["note"];
	        this.orderedAt = source["orderedAt"];
	        this.lines = this.convertValues(source["lines"], LineInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PaymentInput {
	    orderId: string;
	    kind: string;
	    amount: number;
	    currency: string;
	    rate: string;
	    method: string;
	    ref: string;
	    note: string;
	    paidAt: string;
	    returnId: string;
	
	    static createFrom(source: any = {}) {
	        return new PaymentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.kind = source["kind"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.method = source["method"];
	        this.ref = source["ref"];
	        this.note = source["note"];
	        this.paidAt = source["paidAt"];
	        this.returnId = source["returnId"];
	    }
	}
	
	export class Rate {
	    id: string;
	    currency: string;
	    base: string;
	    rate: string;
	    validFrom: string;
	
	    static createFrom(source: any = {}) {
	        return new Rate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.currency = source["currency"];
	        this.base = source["base"];
	        this.rate = source["rate"];
	        this.validFrom = source["validFrom"];
	    }
	}
	export class RefundInput {
	    amount: number;
	    currency: string;
	    rate: string;
	    method: string;
	    ref: string;
	
	    static createFrom(source: any = {}) {
	        return new RefundInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.method = source["method"];
	        this.ref = source["ref"];
	    }
	}
	export class ReturnLine {
	    lineId: string;
	    qty: number;
	
	    static createFrom(source: any = {}) {
	        return new ReturnLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.qty = source["qty"];
	    }
	}
	export class ReturnInput {
	    orderId: string;
	    lines: ReturnLine[];
	    reason: string;
	    condition: string;
	    disposition: string;
	    locationId: string;
	    note: string;
	    at: string;
	    refund?: RefundInput;
	
	    static createFrom(source: any = {}) {
	        return new ReturnInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.lines = this.convertValues(source["lines"], ReturnLine);
	        this.reason = source["reason"];
	        this.condition = source["condition"];
	        this.disposition = source["disposition"];
	        this.locationId = source["locationId"];
	        this.note = source["note"];
	        this.at = source["at"];
	        this.refund = this.convertValues(source["refund"], RefundInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Rules {
	    urgentDays: number;
	    highValue: number;
	    provinceZones: {[key: string]: string};
	    defaultZone: string;
	
	    static createFrom(source: any = {}) {
	        return new Rules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.urgentDays = source["urgentDays"];
	        this.highValue = source["highValue"];
	        this.provinceZones = source["provinceZones"];
	        this.defaultZone = source["defaultZone"];
	    }
	}
	
	export class TransitionInput {
	    orderId: string;
	    to: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new TransitionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.to = source["to"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}

}

export namespace purchasing {
	
	export class Buy {
	    id: string;
	    kind: string;
	    productId: string;
	    productName: string;
	    forProductId: string;
	    forProductName: string;
	    qty: number;
	    unitPrice: number;
	    discount: number;
	    currency: string;
	    rate: string;
	    paidWith: string;
	    supplierId: string;
	    store: string;
	    taxFree: boolean;
	    receipt: string;
	    toStock: number;
	    undone: boolean;
	    note: string;
	    at: string;
	    device: string;
	    base: number;
	    landed: number;
	
	    static createFrom(source: any = {}) {
	        return new Buy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.productId = source["productId"];
	        this.productName = source["productName"];
	        this.forProductId = source["forProductId"];
	        this.forProductName = source["forProductName"];
	        this.qty = source["qty"];
	        this.unitPrice = source["unitPrice"];
	        this.discount = source["discount"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.paidWith = source["paidWith"];
	        this.supplierId = source["supplierId"];
	        this.store = source["store"];
	        this.taxFree = source["taxFree"];
	        this.receipt = source["receipt"];
	        this.toStock = source["toStock"];
	        this.undone = source["undone"];
	        this.note = source["note"];
	        this.at = source["at"];
	        this.device = source["device"];
	        this.base = source["base"];
	        this.landed = source["landed"];
	    }
	}
	export class BuyInput {
	    tripId: string;
	    productId: string;
	    forProductId: string;
	    qty: number;
	    unitPrice: number;
	    discount: number;
	    currency: string;
	    paidWith: string;
	    rate: string;
	    supplierId: string;
	    store: string;
	    taxFree: boolean;
	    receipt: string;
	    batchCode: string;
	    expiry: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new BuyInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tripId = source["tripId"];
	        this.productId = source["productId"];
	        this.forProductId = source["forProductId"];
	        this.qty = source["qty"];
	        this.unitPrice = source["unitPrice"];
	        this.discount = source["discount"];
	        this.currency = source["currency"];
	        this.paidWith = source["paidWith"];
	        this.rate = source["rate"];
	        this.supplierId = source["supplierId"];
	        this.store = source["store"];
	        this.taxFree = source["taxFree"];
	        this.receipt = source["receipt"];
	        this.batchCode = source["batchCode"];
	        this.expiry = source["expiry"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	export class Fill {
	    orderId: string;
	    orderNumber: string;
	    lineId: string;
	    qty: number;
	
	    static createFrom(source: any = {}) {
	        return new Fill(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.lineId = source["lineId"];
	        this.qty = source["qty"];
	    }
	}
	export class BuyResult {
	    buyId: string;
	    fills: Fill[];
	    toStock: number;
	
	    static createFrom(source: any = {}) {
	        return new BuyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.buyId = source["buyId"];
	        this.fills = this.convertValues(source["fills"], Fill);
	        this.toStock = source["toStock"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Cost {
	    id: string;
	    ownerId: string;
	    kind: string;
	    amount: number;
	    currency: string;
	    rate: string;
	    spread: string;
	    supplierId: string;
	    store: string;
	    status: string;
	    amountReceived: number;
	    note: string;
	    at: string;
	    base: number;
	
	    static createFrom(source: any = {}) {
	        return new Cost(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ownerId = source["ownerId"];
	        this.kind = source["kind"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.spread = source["spread"];
	        this.supplierId = source["supplierId"];
	        this.store = source["store"];
	        this.status = source["status"];
	        this.amountReceived = source["amountReceived"];
	        this.note = source["note"];
	        this.at = source["at"];
	        this.base = source["base"];
	    }
	}
	export class CostInput {
	    ownerId: string;
	    kind: string;
	    amount: number;
	    currency: string;
	    rate: string;
	    spread: string;
	    supplierId: string;
	    store: string;
	    status: string;
	    amountReceived: number;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new CostInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerId = source["ownerId"];
	        this.kind = source["kind"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.spread = source["spread"];
	        this.supplierId = source["supplierId"];
	        this.store = source["store"];
	        this.status = source["status"];
	        this.amountReceived = source["amountReceived"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	
	export class ListItem {
	    productId: string;
	    sku: string;
	    name: string;
	    nameOrig: string;
	    brand: string;
	    barcode: string;
	    photo: string;
	    weightG: number;
	    forOrders: number;
	    orders: number;
	    forStock: number;
	    manual: boolean;
	    stockQty: number;
	    toStock: number;
	    shelfLife: boolean;
	    skipped: boolean;
	    available: number;
	    reorderPoint: number;
	    need: number;
	    bought: number;
	    notFound: boolean;
	    lastPrice: number;
	    lastCurrency: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new ListItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.nameOrig = source["nameOrig"];
	        this.brand = source["brand"];
	        this.barcode = source["barcode"];
	        this.photo = source["photo"];
	        this.weightG = source["weightG"];
	        this.forOrders = source["forOrders"];
	        this.orders = source["orders"];
	        this.forStock = source["forStock"];
	        this.manual = source["manual"];
	        this.stockQty = source["stockQty"];
	        this.toStock = source["toStock"];
	        this.shelfLife = source["shelfLife"];
	        this.skipped = source["skipped"];
	        this.available = source["available"];
	        this.reorderPoint = source["reorderPoint"];
	        this.need = source["need"];
	        this.bought = source["bought"];
	        this.notFound = source["notFound"];
	        this.lastPrice = source["lastPrice"];
	        this.lastCurrency = source["lastCurrency"];
	        this.note = source["note"];
	    }
	}
	export class ListGroup {
	    supplierId: string;
	    store: string;
	    city: string;
	    items: ListItem[];
	
	    static createFrom(source: any = {}) {
	        return new ListGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.store = source["store"];
	        this.city = source["city"];
	        this.items = this.convertValues(source["items"], ListItem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class NotFoundInput {
	    tripId: string;
	    productId: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new NotFoundInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tripId = source["tripId"];
	        this.productId = source["productId"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	export class PO {
	    id: string;
	    number: string;
	    supplierId: string;
	    supplierName: string;
	    currency: string;
	    rate: string;
	    orderedAt: string;
	    expectedAt: string;
	    locationId: string;
	    note: string;
	    status: string;
	    total: number;
	    ordered: number;
	    received: number;
	
	    static createFrom(source: any = {}) {
	        return new PO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.supplierId = source["supplierId"];
	        this.supplierName = source["supplierName"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.orderedAt = source["orderedAt"];
	        this.expectedAt = source["expectedAt"];
	        this.locationId = source["locationId"];
	        this.note = source["note"];
	        this.status = source["status"];
	        this.total = source["total"];
	        this.ordered = source["ordered"];
	        this.received = source["received"];
	    }
	}
	export class Receipt {
	    id: string;
	    lineId: string;
	    productName: string;
	    qty: number;
	    locationName: string;
	    batchCode: string;
	    expiry: string;
	    at: string;
	    device: string;
	
	    static createFrom(source: any = {}) {
	        return new Receipt(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.lineId = source["lineId"];
	        this.productName = source["productName"];
	        this.qty = source["qty"];
	        this.locationName = source["locationName"];
	        this.batchCode = source["batchCode"];
	        this.expiry = source["expiry"];
	        this.at = source["at"];
	        this.device = source["device"];
	    }
	}
	export class POLine {
	    id: string;
	    productId: string;
	    productName: string;
	    sku: string;
	    qty: number;
	    unitPrice: number;
	    received: number;
	    landedUnit: number;
	
	    static createFrom(source: any = {}) {
	        return new POLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.productId = source["productId"];
	        this.productName = source["productName"];
	        this.sku = source["sku"];
	        this.qty = source["qty"];
	        this.unitPrice = source["unitPrice"];
	        this.received = source["received"];
	        this.landedUnit = source["landedUnit"];
	    }
	}
	export class PODetail {
	    id: string;
	    number: string;
	    supplierId: string;
	    supplierName: string;
	    currency: string;
	    rate: string;
	    orderedAt: string;
	    expectedAt: string;
	    locationId: string;
	    note: string;
	    status: string;
	    total: number;
	    ordered: number;
	    received: number;
	    baseCurrency: string;
	    lines: POLine[];
	    costs: Cost[];
	    receipts: Receipt[];
	    goodsBase: number;
	    extrasBase: number;
	    landedBase: number;
	
	    static createFrom(source: any = {}) {
	        return new PODetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.supplierId = source["supplierId"];
	        this.supplierName = source["supplierName"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.orderedAt = source["orderedAt"];
	        this.expectedAt = source["expectedAt"];
	        this.locationId = source["locationId"];
	        this.note = source["note"];
	        this.status = source["status"];
	        this.total = source["total"];
	        this.ordered = source["ordered"];
	        this.received = source["received"];
	        this.baseCurrency = source["baseCurrency"];
	        this.lines = this.convertValues(source["lines"], POLine);
	        this.costs = this.convertValues(source["costs"], Cost);
	        this.receipts = this.convertValues(source["receipts"], Receipt);
	        this.goodsBase = source["goodsBase"];
	        this.extrasBase = source["extrasBase"];
	        this.landedBase = source["landedBase"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class POFilter {
	    status: string;
	    supplierId: string;
	
	    static createFrom(source: any = {}) {
	        return new POFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.supplierId = source["supplierId"];
	    }
	}
	export class POLineInput {
	    id: string;
	    productId: string;
	    qty: number;
	    unitPrice: number;
	
	    static createFrom(source: any = {}) {
	        return new POLineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.productId = source["productId"];
	        this.qty = source["qty"];
	        this.unitPrice = source["unitPrice"];
	    }
	}
	export class POInput {
	    supplierId: string;
	    currency: string;
	    rate: string;
	    orderedAt: string;
	    expectedAt: string;
	    locationId: string;
	    note: string;
	    lines: POLineInput[];
	
	    static createFrom(source: any = {}) {
	        return new POInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.orderedAt = source["orderedAt"];
	        this.expectedAt = source["expectedAt"];
	        this.locationId = source["locationId"];
	        this.note = source["note"];
	        this.lines = this.convertValues(source["lines"], POLineInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class ReceiveLine {
	    lineId: string;
	    qty: number;
	    locationId: string;
	    batchCode: string;
	    expiry: string;
	
	    static createFrom(source: any = {}) {
	        return new ReceiveLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.qty = source["qty"];
	        this.locationId = source["locationId"];
	        this.batchCode = source["batchCode"];
	        this.expiry = source["expiry"];
	    }
	}
	export class ReceiveInput {
	    poId: string;
	    at: string;
	    note: string;
	    lines: ReceiveLine[];
	
	    static createFrom(source: any = {}) {
	        return new ReceiveInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.poId = source["poId"];
	        this.at = source["at"];
	        this.note = source["note"];
	        this.lines = this.convertValues(source["lines"], ReceiveLine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RefundDue {
	    orderId: string;
	    orderNumber: string;
	    customer: string;
	    productId: string;
	    productName: string;
	    qty: number;
	    currency: string;
	    missing: number;
	    paid: number;
	    refund: number;
	
	    static createFrom(source: any = {}) {
	        return new RefundDue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.customer = source["customer"];
	        this.productId = source["productId"];
	        this.productName = source["productName"];
	        this.qty = source["qty"];
	        this.currency = source["currency"];
	        this.missing = source["missing"];
	        this.paid = source["paid"];
	        this.refund = source["refund"];
	    }
	}
	export class Trip {
	    id: string;
	    name: string;
	    country: string;
	    city: string;
	    startsOn: string;
	    endsOn: string;
	    buyer: string;
	    currency: string;
	    cardRate: string;
	    cashRate: string;
	    locationId: string;
	    note: string;
	    closed: boolean;
	    locationName: string;
	    createdAt: string;
	    bought: number;
	    notFound: number;
	    spent: number;
	
	    static createFrom(source: any = {}) {
	        return new Trip(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.country = source["country"];
	        this.city = source["city"];
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.buyer = source["buyer"];
	        this.currency = source["currency"];
	        this.cardRate = source["cardRate"];
	        this.cashRate = source["cashRate"];
	        this.locationId = source["locationId"];
	        this.note = source["note"];
	        this.closed = source["closed"];
	        this.locationName = source["locationName"];
	        this.createdAt = source["createdAt"];
	        this.bought = source["bought"];
	        this.notFound = source["notFound"];
	        this.spent = source["spent"];
	    }
	}
	export class ShoppingList {
	    trip: Trip;
	    groups: ListGroup[];
	    items: number;
	    need: number;
	    bought: number;
	
	    static createFrom(source: any = {}) {
	        return new ShoppingList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trip = this.convertValues(source["trip"], Trip);
	        this.groups = this.convertValues(source["groups"], ListGroup);
	        this.items = source["items"];
	        this.need = source["need"];
	        this.bought = source["bought"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Spent {
	    currency: string;
	    amount: number;
	    base: number;
	
	    static createFrom(source: any = {}) {
	        return new Spent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.base = source["base"];
	    }
	}
	export class ValuedProduct {
	    productId: string;
	    sku: string;
	    name: string;
	    onHand: number;
	    unitCost: number;
	    source: string;
	    value: number;
	
	    static createFrom(source: any = {}) {
	        return new ValuedProduct(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.onHand = source["onHand"];
	        this.unitCost = source["unitCost"];
	        this.source = source["source"];
	        this.value = source["value"];
	    }
	}
	export class StockValuation {
	    baseCurrency: string;
	    total: number;
	    products: ValuedProduct[];
	    count: number;
	    unvalued: number;
	
	    static createFrom(source: any = {}) {
	        return new StockValuation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.baseCurrency = source["baseCurrency"];
	        this.total = source["total"];
	        this.products = this.convertValues(source["products"], ValuedProduct);
	        this.count = source["count"];
	        this.unvalued = source["unvalued"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Supplier {
	    id: string;
	    name: string;
	    kind: string;
	    country: string;
	    city: string;
	    currency: string;
	    contact: string;
	    phone: string;
	    email: string;
	    website: string;
	    address: string;
	    leadDays: number;
	    notes: string;
	    createdAt: string;
	    products: number;
	    lastBuy: string;
	
	    static createFrom(source: any = {}) {
	        return new Supplier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.country = source["country"];
	        this.city = source["city"];
	        this.currency = source["currency"];
	        this.contact = source["contact"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.website = source["website"];
	        this.address = source["address"];
	        this.leadDays = source["leadDays"];
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.products = source["products"];
	        this.lastBuy = source["lastBuy"];
	    }
	}
	export class SupplierFilter {
	    query: string;
	    country: string;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new SupplierFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.country = source["country"];
	        this.kind = source["kind"];
	    }
	}
	export class SupplierInput {
	    name: string;
	    kind: string;
	    country: string;
	    city: string;
	    currency: string;
	    contact: string;
	    phone: string;
	    email: string;
	    website: string;
	    address: string;
	    leadDays: number;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new SupplierInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.country = source["country"];
	        this.city = source["city"];
	        this.currency = source["currency"];
	        this.contact = source["contact"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.website = source["website"];
	        this.address = source["address"];
	        this.leadDays = source["leadDays"];
	        this.notes = source["notes"];
	    }
	}
	export class SupplierProduct {
	    supplierId: string;
	    supplierName: string;
	    productId: string;
	    productName: string;
	    sku: string;
	    supplierSku: string;
	    preferred: boolean;
	    note: string;
	    lastPrice: number;
	    lastCurrency: string;
	    lastBought: string;
	
	    static createFrom(source: any = {}) {
	        return new SupplierProduct(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.supplierName = source["supplierName"];
	        this.productId = source["productId"];
	        this.productName = source["productName"];
	        this.sku = source["sku"];
	        this.supplierSku = source["supplierSku"];
	        this.preferred = source["preferred"];
	        this.note = source["note"];
	        this.lastPrice = source["lastPrice"];
	        this.lastCurrency = source["lastCurrency"];
	        this.lastBought = source["lastBought"];
	    }
	}
	export class SupplierProductInput {
	    supplierId: string;
	    productId: string;
	    supplierSku: string;
	    preferred: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new SupplierProductInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.productId = source["productId"];
	        this.supplierSku = source["supplierSku"];
	        this.preferred = source["preferred"];
	        this.note = source["note"];
	    }
	}
	export class Surplus {
	    orderId: string;
	    orderNumber: string;
	    lineId: string;
	    productName: string;
	    extra: number;
	
	    static createFrom(source: any = {}) {
	        return new Surplus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.lineId = source["lineId"];
	        this.productName = source["productName"];
	        this.extra = source["extra"];
	    }
	}
	
	export class TripInput {
	    name: string;
	    country: string;
	    city: string;
	    startsOn: string;
	    endsOn: string;
	    buyer: string;
	    currency: string;
	    cardRate: string;
	    cashRate: string;
	    locationId: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new TripInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.country = source["country"];
	        this.city = source["city"];
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.buyer = source["buyer"];
	        this.currency = source["currency"];
	        this.cardRate = source["cardRate"];
	        this.cashRate = source["cashRate"];
	        this.locationId = source["locationId"];
	        this.note = source["note"];
	    }
	}
	export class TripItemInput {
	    tripId: string;
	    productId: string;
	    qty: number;
	    skip: boolean;
	    supplierId: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new TripItemInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tripId = source["tripId"];
	        this.productId = source["productId"];
	        this.qty = source["qty"];
	        this.skip = source["skip"];
	        this.supplierId = source["supplierId"];
	        this.note = source["note"];
	    }
	}
	export class TripSummary {
	    trip: Trip;
	    baseCurrency: string;
	    spent: Spent[];
	    goodsBase: number;
	    extrasBase: number;
	    refundsBase: number;
	    landedBase: number;
	    refundsDue: number;
	    costs: Cost[];
	    buys: Buy[];
	    notFound: RefundDue[];
	    surplus: Surplus[];
	
	    static createFrom(source: any = {}) {
	        return new TripSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trip = this.convertValues(source["trip"], Trip);
	        this.baseCurrency = source["baseCurrency"];
	        this.spent = this.convertValues(source["spent"], Spent);
	        this.goodsBase = source["goodsBase"];
	        this.extrasBase = source["extrasBase"];
	        this.refundsBase = source["refundsBase"];
	        this.landedBase = source["landedBase"];
	        this.refundsDue = source["refundsDue"];
	        this.costs = this.convertValues(source["costs"], Cost);
	        this.buys = this.convertValues(source["buys"], Buy);
	        this.notFound = this.convertValues(source["notFound"], RefundDue);
	        this.surplus = this.convertValues(source["surplus"], Surplus);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace settings {
	
	export class Settings {
	    baseCurrency: string;
	    language: string;
	    dataDir: string;
	    deviceName: string;
	    deviceId: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.baseCurrency = source["baseCurrency"];
	        this.language = source["language"];
	        this.dataDir = source["dataDir"];
	        this.deviceName = source["deviceName"];
	        this.deviceId = source["deviceId"];
	    }
	}

}

export namespace shipping {
	
	export class Rate {
	    id: string;
	    zone: string;
	    provinces: string;
	    firstG: number;
	    firstFee: number;
	    extraG: number;
	    extraFee: number;
	
	    static createFrom(source: any = {}) {
	        return new Rate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.zone = source["zone"];
	        this.provinces = source["provinces"];
	        this.firstG = source["firstG"];
	        this.firstFee = source["firstFee"];
	        this.extraG = source["extraG"];
	        this.extraFee = source["extraFee"];
	    }
	}
	export class CarrierService {
	    id: string;
	    carrierId: string;
	    name: string;
	    nameEn: string;
	    tier: string;
	    origin: string;
	    currency: string;
	    volumetricDivisor: number;
	    maxWeightG: number;
	    transitMin: number;
	    transitMax: number;
	    insurance: boolean;
	    signature: boolean;
	    note: string;
	    rates: Rate[];
	
	    static createFrom(source: any = {}) {
	        return new CarrierService(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.carrierId = source["carrierId"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.tier = source["tier"];
	        this.origin = source["origin"];
	        this.currency = source["currency"];
	        this.volumetricDivisor = source["volumetricDivisor"];
	        this.maxWeightG = source["maxWeightG"];
	        this.transitMin = source["transitMin"];
	        this.transitMax = source["transitMax"];
	        this.insurance = source["insurance"];
	        this.signature = source["signature"];
	        this.note = source["note"];
	        this.rates = this.convertValues(source["rates"], Rate);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Carrier {
	    id: string;
	    name: string;
	    nameEn: string;
	    kind: string;
	    trackingUrl: string;
	    phone: string;
	    note: string;
	    builtIn: boolean;
	    services: CarrierService[];
	
	    static createFrom(source: any = {}) {
	        return new Carrier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.kind = source["kind"];
	        this.trackingUrl = source["trackingUrl"];
	        this.phone = source["phone"];
	        this.note = source["note"];
	        this.builtIn = source["builtIn"];
	        this.services = this.convertValues(source["services"], CarrierService);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class DestinationRule {
	    provinces: string;
	    serviceId: string;
	
	    static createFrom(source: any = {}) {
	        return new DestinationRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provinces = source["provinces"];
	        this.serviceId = source["serviceId"];
	    }
	}
	export class Option {
	    carrierId: string;
	    carrier: string;
	    carrierEn: string;
	    serviceId: string;
	    service: string;
	    serviceEn: string;
	    tier: string;
	    zone: string;
	    chargeableG: number;
	    fee: number;
	    currency: string;
	    rate: string;
	    feeBase: number;
	    transitMin: number;
	    transitMax: number;
	    insurance: boolean;
	    signature: boolean;
	    meetsRules: boolean;
	    suggested: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.carrierId = source["carrierId"];
	        this.carrier = source["carrier"];
	        this.carrierEn = source["carrierEn"];
	        this.serviceId = source["serviceId"];
	        this.service = source["service"];
	        this.serviceEn = source["serviceEn"];
	        this.tier = source["tier"];
	        this.zone = source["zone"];
	        this.chargeableG = source["chargeableG"];
	        this.fee = source["fee"];
	        this.currency = source["currency"];
	        this.rate = source["rate"];
	        this.feeBase = source["feeBase"];
	        this.transitMin = source["transitMin"];
	        this.transitMax = source["transitMax"];
	        this.insurance = source["insurance"];
	        this.signature = source["signature"];
	        this.meetsRules = source["meetsRules"];
	        this.suggested = source["suggested"];
	        this.reason = source["reason"];
	    }
	}
	export class Quote {
	    valuable: boolean;
	    light: boolean;
	    baseCurrency: string;
	    options: Option[];
	
	    static createFrom(source: any = {}) {
	        return new Quote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valuable = source["valuable"];
	        this.light = source["light"];
	        this.baseCurrency = source["baseCurrency"];
	        this.options = this.convertValues(source["options"], Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ParcelLine {
	    itemId: string;
	    lineId: string;
	    orderId: string;
	    orderNumber: string;
	    productId: string;
	    sku: string;
	    name: string;
	    nameOrig: string;
	    qty: number;
	    lineQty: number;
	    unitPrice: number;
	    currency: string;
	    unitPriceBase: number;
	    weightG: number;
	    packed: number;
	
	    static createFrom(source: any = {}) {
	        return new ParcelLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.lineId = source["lineId"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.nameOrig = source["nameOrig"];
	        this.qty = source["qty"];
	        this.lineQty = source["lineQty"];
	        this.unitPrice = source["unitPrice"];
	        this.currency = source["currency"];
	        this.unitPriceBase = source["unitPriceBase"];
	        this.weightG = source["weightG"];
	        this.packed = source["packed"];
	    }
	}
	export class ItemInput {
	    lineId: string;
	    qty: number;
	
	    static createFrom(source: any = {}) {
	        return new ItemInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.qty = source["qty"];
	    }
	}
	export class ParcelInput {
	    id: string;
	    origin: string;
	    carrierId: string;
	    serviceId: string;
	    trackingNo: string;
	    leg2Carrier: string;
	    leg2TrackingNo: string;
	    weightG: number;
	    lengthMM: number;
	    widthMM: number;
	    heightMM: number;
	    contents: string;
	    declaredValue: number;
	    declaredCurrency: string;
	    insured: boolean;
	    signature: boolean;
	    freight: number;
	    freightCurrency: string;
	    customerId: string;
	    shipName: string;
	    shipPhone: string;
	    shipProvince: string;
	    shipCity: string;
	    shipDistrict: string;
	    shipStreet: string;
	    shipPostcode: string;
	    idNumber: string;
	    note: string;
	    items: ItemInput[];
	
	    static createFrom(source: any = {}) {
	        return new ParcelInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.origin = source["origin"];
	        this.carrierId = source["carrierId"];
	        this.serviceId = source["serviceId"];
	        this.trackingNo = source["trackingNo"];
	        this.leg2Carrier = source["leg2Carrier"];
	        this.leg2TrackingNo = source["leg2TrackingNo"];
	        this.weightG = source["weightG"];
	        this.lengthMM = source["lengthMM"];
	        this.widthMM = source["widthMM"];
	        this.heightMM = source["heightMM"];
	        this.contents = source["contents"];
	        this.declaredValue = source["declaredValue"];
	        this.declaredCurrency = source["declaredCurrency"];
	        this.insured = source["insured"];
	        this.signature = source["signature"];
	        this.freight = source["freight"];
	        this.freightCurrency = source["freightCurrency"];
	        this.customerId = source["customerId"];
	        this.shipName = source["shipName"];
	        this.shipPhone = source["shipPhone"];
	        this.shipProvince = source["shipProvince"];
	        this.shipCity = source["shipCity"];
	        this.shipDistrict = source["shipDistrict"];
	        this.shipStreet = source["shipStreet"];
	        this.shipPostcode = source["shipPostcode"];
	        this.idNumber = source["idNumber"];
	        this.note = source["note"];
	        this.items = this.convertValues(source["items"], ItemInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Draft {
	    parcel: ParcelInput;
	    lines: ParcelLine[];
	    warnings: string[];
	    quote: Quote;
	
	    static createFrom(source: any = {}) {
	        return new Draft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.parcel = this.convertValues(source["parcel"], ParcelInput);
	        this.lines = this.convertValues(source["lines"], ParcelLine);
	        this.warnings = source["warnings"];
	        this.quote = this.convertValues(source["quote"], Quote);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Event {
	    id: string;
	    kind: string;
	    at: string;
	    place: string;
	    note: string;
	    source: string;
	    device: string;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.at = source["at"];
	        this.place = source["place"];
	        this.note = source["note"];
	        this.source = source["source"];
	        this.device = source["device"];
	    }
	}
	export class EventInput {
	    parcelId: string;
	    kind: string;
	    at: string;
	    place: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new EventInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.parcelId = source["parcelId"];
	        this.kind = source["kind"];
	        this.at = source["at"];
	        this.place = source["place"];
	        this.note = source["note"];
	    }
	}
	
	export class Notice {
	    id: string;
	    orderId: string;
	    parcelId: string;
	    stage: string;
	    channel: string;
	    lang: string;
	    recipient: string;
	    subject: string;
	    body: string;
	    at: string;
	    device: string;
	    sent: string;
	    lastError: string;
	    attempts: number;
	    lastTry: string;
	    nextTry: string;
	
	    static createFrom(source: any = {}) {
	        return new Notice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderId = source["orderId"];
	        this.parcelId = source["parcelId"];
	        this.stage = source["stage"];
	        this.channel = source["channel"];
	        this.lang = source["lang"];
	        this.recipient = source["recipient"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.at = source["at"];
	        this.device = source["device"];
	        this.sent = source["sent"];
	        this.lastError = source["lastError"];
	        this.attempts = source["attempts"];
	        this.lastTry = source["lastTry"];
	        this.nextTry = source["nextTry"];
	    }
	}
	export class NoticeInput {
	    parcelId: string;
	    orderId: string;
	    stage: string;
	    lang: string;
	    channel: string;
	    recipient: string;
	    subject: string;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new NoticeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.parcelId = source["parcelId"];
	        this.orderId = source["orderId"];
	        this.stage = source["stage"];
	        this.lang = source["lang"];
	        this.channel = source["channel"];
	        this.recipient = source["recipient"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	    }
	}
	
	export class PackableOrder {
	    id: string;
	    number: string;
	    status: string;
	    customer: string;
	    shipName: string;
	    province: string;
	    city: string;
	    orderedAt: string;
	    dueDate: string;
	    left: number;
	
	    static createFrom(source: any = {}) {
	        return new PackableOrder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.status = source["status"];
	        this.customer = source["customer"];
	        this.shipName = source["shipName"];
	        this.province = source["province"];
	        this.city = source["city"];
	        this.orderedAt = source["orderedAt"];
	        this.dueDate = source["dueDate"];
	        this.left = source["left"];
	    }
	}
	export class ParcelOrder {
	    id: string;
	    number: string;
	    status: string;
	    customer: string;
	    freightBase: number;
	
	    static createFrom(source: any = {}) {
	        return new ParcelOrder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.status = source["status"];
	        this.customer = source["customer"];
	        this.freightBase = source["freightBase"];
	    }
	}
	export class Parcel {
	    id: string;
	    origin: string;
	    carrierId: string;
	    serviceId: string;
	    trackingNo: string;
	    leg2Carrier: string;
	    leg2TrackingNo: string;
	    weightG: number;
	    lengthMM: number;
	    widthMM: number;
	    heightMM: number;
	    contents: string;
	    declaredValue: number;
	    declaredCurrency: string;
	    insured: boolean;
	    signature: boolean;
	    freight: number;
	    freightCurrency: string;
	    customerId: string;
	    shipName: string;
	    shipPhone: string;
	    shipProvince: string;
	    shipCity: string;
	    shipDistrict: string;
	    shipStreet: string;
	    shipPostcode: string;
	    idNumber: string;
	    note: string;
	    items: ItemInput[];
	    number: string;
	    status: string;
	    carrier: string;
	    carrierEn: string;
	    service: string;
	    serviceEn: string;
	    trackingUrl: string;
	    transitMax: number;
	    late: boolean;
	    freightRate: string;
	    freightBase: number;
	    baseCurrency: string;
	    packedAt: string;
	    labelledAt: string;
	    shippedAt: string;
	    deliveredAt: string;
	    seq: number;
	    count: number;
	    orders: ParcelOrder[];
	    lines: ParcelLine[];
	    events: Event[];
	    notices: Notice[];
	    overPacked: boolean;
	    hasCancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Parcel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.origin = source["origin"];
	        this.carrierId = source["carrierId"];
	        this.serviceId = source["serviceId"];
	        this.trackingNo = source["trackingNo"];
	        this.leg2Carrier = source["leg2Carrier"];
	        this.leg2TrackingNo = source["leg2TrackingNo"];
	        this.weightG = source["weightG"];
	        this.lengthMM = source["lengthMM"];
	        this.widthMM = source["widthMM"];
	        this.heightMM = source["heightMM"];
	        this.contents = source["contents"];
	        this.declaredValue = source["declaredValue"];
	        this.declaredCurrency = source["declaredCurrency"];
	        this.insured = source["insured"];
	        this.signature = source["signature"];
	        this.freight = source["freight"];
	        this.freightCurrency = source["freightCurrency"];
	        this.customerId = source["customerId"];
	        this.shipName = source["shipName"];
	        this.shipPhone = source["shipPhone"];
	        this.shipProvince = source["shipProvince"];
	        this.shipCity = source["shipCity"];
	        this.shipDistrict = source["shipDistrict"];
	        this.shipStreet = source["shipStreet"];
	        this.shipPostcode = source["shipPostcode"];
	        this.idNumber = source["idNumber"];
	        this.note = source["note"];
	        this.items = this.convertValues(source["items"], ItemInput);
	        this.number = source["number"];
	        this.status = source["status"];
	        this.carrier = source["carrier"];
	        this.carrierEn = source["carrierEn"];
	        this.service = source["service"];
	        this.serviceEn = source["serviceEn"];
	        this.trackingUrl = source["trackingUrl"];
	        this.transitMax = source["transitMax"];
	        this.late = source["late"];
	        this.freightRate = source["freightRate"];
	        this.freightBase = source["freightBase"];
	        this.baseCurrency = source["baseCurrency"];
	        this.packedAt = source["packedAt"];
	        this.labelledAt = source["labelledAt"];
	        this.shippedAt = source["shippedAt"];
	        this.deliveredAt = source["deliveredAt"];
	        this.seq = source["seq"];
	        this.count = source["count"];
	        this.orders = this.convertValues(source["orders"], ParcelOrder);
	        this.lines = this.convertValues(source["lines"], ParcelLine);
	        this.events = this.convertValues(source["events"], Event);
	        this.notices = this.convertValues(source["notices"], Notice);
	        this.overPacked = source["overPacked"];
	        this.hasCancelled = source["hasCancelled"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ParcelFilter {
	    status: string;
	    search: string;
	    orderId: string;
	    ids: string[];
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ParcelFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.search = source["search"];
	        this.orderId = source["orderId"];
	        this.ids = source["ids"];
	        this.limit = source["limit"];
	    }
	}
	
	
	
	export class ParcelRow {
	    id: string;
	    number: string;
	    status: string;
	    carrierId: string;
	    trackingUrl: string;
	    carrier: string;
	    carrierEn: string;
	    service: string;
	    serviceEn: string;
	    trackingNo: string;
	    shipName: string;
	    province: string;
	    orders: string[];
	    weightG: number;
	    freight: number;
	    freightCurrency: string;
	    packedAt: string;
	    labelledAt: string;
	    shippedAt: string;
	    deliveredAt: string;
	    late: boolean;
	    problems: number;
	    overPacked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ParcelRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.status = source["status"];
	        this.carrierId = source["carrierId"];
	        this.trackingUrl = source["trackingUrl"];
	        this.carrier = source["carrier"];
	        this.carrierEn = source["carrierEn"];
	        this.service = source["service"];
	        this.serviceEn = source["serviceEn"];
	        this.trackingNo = source["trackingNo"];
	        this.shipName = source["shipName"];
	        this.province = source["province"];
	        this.orders = source["orders"];
	        this.weightG = source["weightG"];
	        this.freight = source["freight"];
	        this.freightCurrency = source["freightCurrency"];
	        this.packedAt = source["packedAt"];
	        this.labelledAt = source["labelledAt"];
	        this.shippedAt = source["shippedAt"];
	        this.deliveredAt = source["deliveredAt"];
	        this.late = source["late"];
	        this.problems = source["problems"];
	        this.overPacked = source["overPacked"];
	    }
	}
	export class PrintSelection {
	    ids: string[];
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new PrintSelection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ids = source["ids"];
	        this.status = source["status"];
	    }
	}
	export class PrintRequest {
	    kind: string;
	    selection: PrintSelection;
	    size: string;
	    hidePrices: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PrintRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.selection = this.convertValues(source["selection"], PrintSelection);
	        this.size = source["size"];
	        this.hidePrices = source["hidePrices"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class QuoteInput {
	    origin: string;
	    province: string;
	    weightG: number;
	    lengthMM: number;
	    widthMM: number;
	    heightMM: number;
	    declaredValue: number;
	    currency: string;
	
	    static createFrom(source: any = {}) {
	        return new QuoteInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.origin = source["origin"];
	        this.province = source["province"];
	        this.weightG = source["weightG"];
	        this.lengthMM = source["lengthMM"];
	        this.widthMM = source["widthMM"];
	        this.heightMM = source["heightMM"];
	        this.declaredValue = source["declaredValue"];
	        this.currency = source["currency"];
	    }
	}
	
	export class Sender {
	    name: string;
	    phone: string;
	    address: string;
	
	    static createFrom(source: any = {}) {
	        return new Sender(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	    }
	}
	export class Rules {
	    homeCountry: string;
	    valuableFrom: number;
	    lightUpToG: number;
	    destinations: DestinationRule[];
	    sender: Sender;
	    slipNote: string;
	
	    static createFrom(source: any = {}) {
	        return new Rules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.homeCountry = source["homeCountry"];
	        this.valuableFrom = source["valuableFrom"];
	        this.lightUpToG = source["lightUpToG"];
	        this.destinations = this.convertValues(source["destinations"], DestinationRule);
	        this.sender = this.convertValues(source["sender"], Sender);
	        this.slipNote = source["slipNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SMTPSettings {
	    host: string;
	    port: number;
	    username: string;
	    password: string;
	    from: string;
	    tls: string;
	    hasPassword: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SMTPSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = source["host"];
	        this.port = source["port"];
	        this.username = source["username"];
	        this.password = source["password"];
	        this.from = source["from"];
	        this.tls = source["tls"];
	        this.hasPassword = source["hasPassword"];
	    }
	}
	
	export class ServiceStats {
	    carrierId: string;
	    carrier: string;
	    carrierEn: string;
	    serviceId: string;
	    service: string;
	    serviceEn: string;
	    tier: string;
	    transitMin: number;
	    transitMax: number;
	    parcels: number;
	    delivered: number;
	    onTime: number;
	    onTimeRate: number;
	    avgDays: number;
	    p90Days: number;
	    problems: number;
	    problemRate: number;
	    lost: number;
	    damaged: number;
	    stillLate: number;
	    currency: string;
	    freightBase: number;
	    chargeableKg: number;
	    costPerKg: number;
	
	    static createFrom(source: any = {}) {
	        return new ServiceStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.carrierId = source["carrierId"];
	        this.carrier = source["carrier"];
	        this.carrierEn = source["carrierEn"];
	        this.serviceId = source["serviceId"];
	        this.service = source["service"];
	        this.serviceEn = source["serviceEn"];
	        this.tier = source["tier"];
	        this.transitMin = source["transitMin"];
	        this.transitMax = source["transitMax"];
	        this.parcels = source["parcels"];
	        this.delivered = source["delivered"];
	        this.onTime = source["onTime"];
	        this.onTimeRate = source["onTimeRate"];
	        this.avgDays = source["avgDays"];
	        this.p90Days = source["p90Days"];
	        this.problems = source["problems"];
	        this.problemRate = source["problemRate"];
	        this.lost = source["lost"];
	        this.damaged = source["damaged"];
	        this.stillLate = source["stillLate"];
	        this.currency = source["currency"];
	        this.freightBase = source["freightBase"];
	        this.chargeableKg = source["chargeableKg"];
	        this.costPerKg = source["costPerKg"];
	    }
	}
	export class SkippedRow {
	    line: number;
	    tracking: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new SkippedRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.tracking = source["tracking"];
	        this.reason = source["reason"];
	    }
	}
	export class Template {
	    stage: string;
	    lang: string;
	    subject: string;
	    body: string;
	    custom: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = source["stage"];
	        this.lang = source["lang"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.custom = source["custom"];
	    }
	}
	export class TrackingImport {
	    file: string;
	    committed: boolean;
	    rows: number;
	    events: number;
	    known: number;
	    skipped: SkippedRow[];
	    problems: domain.LineProblem[];
	    parcels: string[];
	    orders: string[];
	
	    static createFrom(source: any = {}) {
	        return new TrackingImport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.committed = source["committed"];
	        this.rows = source["rows"];
	        this.events = source["events"];
	        this.known = source["known"];
	        this.skipped = this.convertValues(source["skipped"], SkippedRow);
	        this.problems = this.convertValues(source["problems"], domain.LineProblem);
	        this.parcels = source["parcels"];
	        this.orders = source["orders"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace stock {
	
	export class AdjustInput {
	    productId: string;
	    locationId: string;
	    batchId: string;
	    delta: number;
	    reason: string;
	    ref: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new AdjustInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.locationId = source["locationId"];
	        this.batchId = source["batchId"];
	        this.delta = source["delta"];
	        this.reason = source["reason"];
	        this.ref = source["ref"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	export class BatchRow {
	    id: string;
	    productId: string;
	    sku: string;
	    productName: string;
	    code: string;
	    expiry: string;
	    daysLeft: number;
	    onHand: number;
	
	    static createFrom(source: any = {}) {
	        return new BatchRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.productName = source["productName"];
	        this.code = source["code"];
	        this.expiry = source["expiry"];
	        this.daysLeft = source["daysLeft"];
	        this.onHand = source["onHand"];
	    }
	}
	export class CountLine {
	    productId: string;
	    batchId: string;
	    counted: number;
	
	    static createFrom(source: any = {}) {
	        return new CountLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.batchId = source["batchId"];
	        this.counted = source["counted"];
	    }
	}
	export class CountInput {
	    locationId: string;
	    lines: CountLine[];
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new CountInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.locationId = source["locationId"];
	        this.lines = this.convertValues(source["lines"], CountLine);
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class CountResult {
	    lines: number;
	    changed: number;
	
	    static createFrom(source: any = {}) {
	        return new CountResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lines = source["lines"];
	        this.changed = source["changed"];
	    }
	}
	export class Level {
	    onHand: number;
	    reserved: number;
	    available: number;
	
	    static createFrom(source: any = {}) {
	        return new Level(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.onHand = source["onHand"];
	        this.reserved = source["reserved"];
	        this.available = source["available"];
	    }
	}
	export class LevelFilter {
	    productId: string;
	    locationId: string;
	    zoneId: string;
	    query: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new LevelFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.locationId = source["locationId"];
	        this.zoneId = source["zoneId"];
	        this.query = source["query"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class LevelRow {
	    productId: string;
	    sku: string;
	    productName: string;
	    locationId: string;
	    locationName: string;
	    zoneId: string;
	    zoneName: string;
	    batchId: string;
	    batchCode: string;
	    expiry: string;
	    onHand: number;
	    reserved: number;
	    available: number;
	
	    static createFrom(source: any = {}) {
	        return new LevelRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.productName = source["productName"];
	        this.locationId = source["locationId"];
	        this.locationName = source["locationName"];
	        this.zoneId = source["zoneId"];
	        this.zoneName = source["zoneName"];
	        this.batchId = source["batchId"];
	        this.batchCode = source["batchCode"];
	        this.expiry = source["expiry"];
	        this.onHand = source["onHand"];
	        this.reserved = source["reserved"];
	        this.available = source["available"];
	    }
	}
	export class LowStockRow {
	    productId: string;
	    sku: string;
	    productName: string;
	    brand: string;
	    reorderPoint: number;
	    reorderQty: number;
	    suggested: number;
	    onHand: number;
	    reserved: number;
	    available: number;
	
	    static createFrom(source: any = {}) {
	        return new LowStockRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.productName = source["productName"];
	        this.brand = source["brand"];
	        this.reorderPoint = source["reorderPoint"];
	        this.reorderQty = source["reorderQty"];
	        this.suggested = source["suggested"];
	        this.onHand = source["onHand"];
	        this.reserved = source["reserved"];
	        this.available = source["available"];
	    }
	}
	export class Move {
	    id: string;
	    productId: string;
	    productName: string;
	    sku: string;
	    locationId: string;
	    locationName: string;
	    batchId: string;
	    batchCode: string;
	    kind: string;
	    qty: number;
	    reserved: number;
	    unitCost: number;
	    costCurrency: string;
	    reason: string;
	    ref: string;
	    note: string;
	    at: string;
	    device: string;
	
	    static createFrom(source: any = {}) {
	        return new Move(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.productId = source["productId"];
	        this.productName = source["productName"];
	        this.sku = source["sku"];
	        this.locationId = source["locationId"];
	        this.locationName = source["locationName"];
	        this.batchId = source["batchId"];
	        this.batchCode = source["batchCode"];
	        this.kind = source["kind"];
	        this.qty = source["qty"];
	        this.reserved = source["reserved"];
	        this.unitCost = source["unitCost"];
	        this.costCurrency = source["costCurrency"];
	        this.reason = source["reason"];
	        this.ref = source["ref"];
	        this.note = source["note"];
	        this.at = source["at"];
	        this.device = source["device"];
	    }
	}
	export class MoveFilter {
	    productId: string;
	    locationId: string;
	    kind: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new MoveFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.locationId = source["locationId"];
	        this.kind = source["kind"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class ReceiveInput {
	    productId: string;
	    locationId: string;
	    qty: number;
	    batchCode: string;
	    expiry: string;
	    unitCost: number;
	    costCurrency: string;
	    ref: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new ReceiveInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.locationId = source["locationId"];
	        this.qty = source["qty"];
	        this.batchCode = source["batchCode"];
	        this.expiry = source["expiry"];
	        this.unitCost = source["unitCost"];
	        this.costCurrency = source["costCurrency"];
	        this.ref = source["ref"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	export class TransferInput {
	    productId: string;
	    from: string;
	    to: string;
	    batchId: string;
	    qty: number;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new TransferInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.batchId = source["batchId"];
	        this.qty = source["qty"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}

}

export namespace sync {
	
	export class ClockWarning {
	    device: string;
	    aheadSeconds: number;
	    seen: string;
	
	    static createFrom(source: any = {}) {
	        return new ClockWarning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.device = source["device"];
	        this.aheadSeconds = source["aheadSeconds"];
	        this.seen = source["seen"];
	    }
	}
	export class DeviceInfo {
	    device: string;
	    name: string;
	    lastSeen: string;
	
	    static createFrom(source: any = {}) {
	        return new DeviceInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.device = source["device"];
	        this.name = source["name"];
	        this.lastSeen = source["lastSeen"];
	    }
	}
	export class FileProblem {
	    name: string;
	    problem: string;
	    kind: string;
	    tries: number;
	    firstSeen: string;
	
	    static createFrom(source: any = {}) {
	        return new FileProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.problem = source["problem"];
	        this.kind = source["kind"];
	        this.tries = source["tries"];
	        this.firstSeen = source["firstSeen"];
	    }
	}
	export class ImportResult {
	    files: number;
	    ops: number;
	    problems: number;
	    renewed: string;
	    attachments: number;
	    snapshot: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.files = source["files"];
	        this.ops = source["ops"];
	        this.problems = source["problems"];
	        this.renewed = source["renewed"];
	        this.attachments = source["attachments"];
	        this.snapshot = source["snapshot"];
	    }
	}

}

