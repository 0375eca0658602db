export namespace app {
	
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

export namespace stock {
	
	export class AdjustInput {
	    productId: string;
	    locationId: string;
	    batchId: string;
	    delta: number;
	    reason: string;
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

