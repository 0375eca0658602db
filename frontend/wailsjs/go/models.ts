export namespace app {
	
	export class SettingsDTO {
	    baseCurrency: string;
	    language: string;
	    dataDir: string;
	    deviceName: string;
	    deviceId: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsDTO(source);
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

