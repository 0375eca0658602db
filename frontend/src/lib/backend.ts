// The ONE place that calls Go. Wails generates the bound façades into frontend/wailsjs/go/app
// (`go tool wails generate module`); features import the wrapped façades from here, never from
// wailsjs directly, so every rejection becomes a typed AppError.
//
// The Go side formats errors with options.ErrorFormatter as
//   {code: "invalid"|"not_found"|"conflict"|"internal", message, field?, key?, params?}
// (plus problems?: [{line, field, message, key?, params?}] when a file was refused)
// and the promise may reject with that object or with its JSON text.
import type { TFunction } from 'i18next';
import * as CatalogBinding from '../../wailsjs/go/app/Catalog';
import * as CustomersBinding from '../../wailsjs/go/app/Customers';
import * as OrderImportBinding from '../../wailsjs/go/app/OrderImport';
import * as OrdersBinding from '../../wailsjs/go/app/Orders';
import * as PurchasingBinding from '../../wailsjs/go/app/Purchasing';
import * as SettingsBinding from '../../wailsjs/go/app/Settings';
import * as ShippingBinding from '../../wailsjs/go/app/Shipping';
import * as StockBinding from '../../wailsjs/go/app/Stock';
import * as SyncBinding from '../../wailsjs/go/app/Sync';
import type {
  app,
  catalog,
  customers,
  domain,
  orderimport,
  orders,
  purchasing,
  settings,
  shipping,
  stock,
  sync,
} from '../../wailsjs/go/models';

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'internal';
const errorCodes: readonly string[] = ['invalid', 'not_found', 'conflict', 'internal'];

export type ErrorParams = Record<string, string | number>;

/** One bad row of an input file (domain.LineProblem): its line, field and what is wrong. */
export type LineProblem = Plain<domain.LineProblem>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly key?: string;
  readonly params?: ErrorParams;
  /** One error per bad field when the backend found several at once. */
  readonly details: AppError[];
  /** Every bad row when a file was refused (a domain.FileError). */
  readonly problems: LineProblem[];

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; key?: string; params?: ErrorParams; details?: AppError[]; problems?: LineProblem[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.key = opts.key;
    this.params = opts.params;
    this.details = opts.details ?? [];
    this.problems = opts.problems ?? [];
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function toParams(v: unknown): ErrorParams | undefined {
  if (!isRecord(v)) return undefined;
  const params: ErrorParams = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' || typeof x === 'number') params[k] = x;
    else if (x !== null && x !== undefined) params[k] = String(x);
  }
  return params;
}

function fromObject(o: Record<string, unknown>): AppError | undefined {
  if (typeof o.code !== 'string' || !errorCodes.includes(o.code)) return undefined;
  const message = typeof o.message === 'string' ? o.message : '';
  const params = toParams(o.params);
  const details: AppError[] = [];
  if (Array.isArray(o.details)) {
    for (const d of o.details) {
      const e = isRecord(d) ? fromObject(d) : undefined;
      if (e) details.push(e);
    }
  }
  const problems: LineProblem[] = [];
  if (Array.isArray(o.problems)) {
    for (const p of o.problems) {
      if (isRecord(p) && typeof p.line === 'number') {
        problems.push({
          line: p.line,
          field: String(p.field ?? ''),
          message: String(p.message ?? ''),
          key: typeof p.key === 'string' && p.key !== '' ? p.key : undefined,
          params: toParams(p.params),
        });
      }
    }
  }
  return new AppError(o.code as ErrorCode, message, {
    field: typeof o.field === 'string' && o.field !== '' ? o.field : undefined,
    key: typeof o.key === 'string' && o.key !== '' ? o.key : undefined,
    params,
    details,
    problems,
  });
}

/** Turns whatever a binding rejected with into an AppError (unknown shapes become "internal"). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (typeof err === 'string') {
    const s = err.trim();
    if (s.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(s);
        if (isRecord(parsed)) {
          const e = fromObject(parsed);
          if (e) return e;
        }
      } catch {
        // not JSON: fall through
      }
    }
    return new AppError('internal', err);
  }
  if (isRecord(err)) {
    const e = fromObject(err);
    if (e) return e;
    if (err instanceof Error) return new AppError('internal', err.message);
    if (typeof err.message === 'string') return new AppError('internal', err.message);
  }
  return new AppError('internal', String(err));
}

/** Awaits a binding call, converting a rejection into an AppError. */
export async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw toAppError(err);
  }
}

/**
 * The text to show a person for an error: the specific translation `err.key` (with
 * `err.params`) when the UI has it, else the translated code plus the Go message.
 */
export function errorText(t: TFunction, err: unknown): string {
  const e = toAppError(err);
  const text = translated(t, e.key, e.params);
  if (text !== undefined) return text;
  const head = t(`errors.${e.code}`);
  return e.message ? `${head}: ${e.message}` : head;
}

/**
 * The text to show for one bad row of an input file: the translation of `p.key` (with
 * `p.params`) when the UI has it, else the Go message (English).
 */
export function problemText(t: TFunction, p: LineProblem): string {
  return translated(t, p.key, p.params) ?? p.message;
}

/** The translation of key with params, or undefined when the UI has none. */
function translated(t: TFunction, key: string | undefined, params: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined;
  // i18next returns the key itself when it has no translation for it.
  const text = t(key, { ...params });
  return typeof text === 'string' && text !== '' && text !== key ? text : undefined;
}

type Wrapped<M> = {
  [K in keyof M]: M[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/** Wraps every function of a generated façade module with call(). */
function wrap<M extends object>(binding: M): Wrapped<M> {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(binding)) {
    if (typeof fn === 'function') {
      out[name] = (...args: unknown[]) => call(Promise.resolve().then(() => fn(...args)));
    }
  }
  return out as Wrapped<M>;
}

// Bound façades, one per area (add each as app/ gains it).
export const Settings = wrap(SettingsBinding);
export const Catalog = wrap(CatalogBinding);
export const Stock = wrap(StockBinding);
export const Customers = wrap(CustomersBinding);
export const Orders = wrap(OrdersBinding);
export const OrderImport = wrap(OrderImportBinding);
export const Sync = wrap(SyncBinding);
export const Purchasing = wrap(PurchasingBinding);
export const Shipping = wrap(ShippingBinding);

export type SettingsDTO = settings.Settings;

// Catalog and stock DTOs as plain shapes (the generated classes only add a converter).
type Plain<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };
export type Product = Plain<catalog.Product>;
export type ProductInput = Plain<catalog.ProductInput>;
export type ProductFilter = Plain<catalog.ProductFilter>;
export type Category = Plain<catalog.Category>;
export type Zone = Plain<catalog.Zone>;
export type Location = Plain<catalog.Location>;
export type LevelRow = Plain<stock.LevelRow>;
export type LevelFilter = Plain<stock.LevelFilter>;
export type StockMove = Plain<stock.Move>;
export type MoveFilter = Plain<stock.MoveFilter>;
export type LowStockRow = Plain<stock.LowStockRow>;
export type BatchRow = Plain<stock.BatchRow>;
export type ReceiveInput = Plain<stock.ReceiveInput>;
export type AdjustInput = Plain<stock.AdjustInput>;
export type TransferInput = Plain<stock.TransferInput>;
export type CountInput = Plain<stock.CountInput>;
export type CountResult = Plain<stock.CountResult>;
export type Customer = Plain<customers.Customer>;
export type CustomerInput = Plain<customers.CustomerInput>;
export type CustomerFilter = Plain<customers.CustomerFilter>;
export type Address = Plain<customers.Address>;
export type OrderSummary = Plain<customers.OrderSummary>;
export type CustomerDetail = Plain<app.CustomerDetail>;
export type Order = Plain<orders.Order>;
export type OrderLine = Plain<orders.Line>;
export type OrderDetail = Plain<orders.Detail>;
export type OrderFilter = Plain<orders.Filter>;
export type OrderInput = Plain<orders.OrderInput>;
export type OrderLineInput = Plain<orders.LineInput>;
export type OrderInfoInput = Plain<orders.InfoInput>;
export type OrderFigures = Plain<orders.Figures>;
export type OrderProfit = Plain<orders.Profit>;
export type TimelineEntry = Plain<orders.TimelineEntry>;
export type PaymentInput = Plain<orders.PaymentInput>;
export type ReturnInput = Plain<orders.ReturnInput>;
export type OrderRules = Plain<orders.Rules>;
export type ExchangeRate = Plain<orders.Rate>;
export type ImportField = Plain<orderimport.Field>;
export type ImportPreset = Plain<orderimport.Preset>;
export type ImportPreview = Plain<orderimport.Preview>;
export type ImportOrderPreview = Plain<orderimport.OrderPreview>;
export type ImportUnmatched = Plain<orderimport.Unmatched>;
export type ImportResult = Plain<orderimport.Result>;
export type PendingImportFile = Plain<orderimport.PendingFile>;
export type SavedImportMapping = Plain<orderimport.SavedMapping>;
export type SyncStatus = Plain<app.SyncStatus>;
export type SyncPass = Plain<app.SyncPass>;
export type SyncDevice = Plain<sync.DeviceInfo>;
export type SyncProblemFile = Plain<sync.FileProblem>;
export type SyncFlag = Plain<app.SyncFlag>;
export type SyncClockWarning = Plain<sync.ClockWarning>;

/** True when the Go bindings are present (inside Wails or `wails dev`), false in a plain browser. */
export function backendAvailable(): boolean {
  return typeof window !== 'undefined' && isRecord((window as unknown as { go?: unknown }).go);
}

// Purchasing: suppliers, purchase orders, buying trips.
export type Supplier = Plain<purchasing.Supplier>;
export type SupplierInput = Plain<purchasing.SupplierInput>;
export type SupplierFilter = Plain<purchasing.SupplierFilter>;
export type SupplierProduct = Plain<purchasing.SupplierProduct>;
export type SupplierProductInput = Plain<purchasing.SupplierProductInput>;
export type PO = Plain<purchasing.PO>;
export type PODetail = Plain<purchasing.PODetail>;
export type POInput = Plain<purchasing.POInput>;
export type POLineInput = Plain<purchasing.POLineInput>;
export type POFilter = Plain<purchasing.POFilter>;
export type POReceiveInput = Plain<purchasing.ReceiveInput>;
export type POReceiveLine = Plain<purchasing.ReceiveLine>;
export type Cost = Plain<purchasing.Cost>;
export type CostInput = Plain<purchasing.CostInput>;
export type Trip = Plain<purchasing.Trip>;
export type TripInput = Plain<purchasing.TripInput>;
export type TripItemInput = Plain<purchasing.TripItemInput>;
export type ShoppingList = Plain<purchasing.ShoppingList>;
export type ListGroup = Plain<purchasing.ListGroup>;
export type ListItem = Plain<purchasing.ListItem>;
export type BuyInput = Plain<purchasing.BuyInput>;
export type BuyResult = Plain<purchasing.BuyResult>;
export type NotFoundInput = Plain<purchasing.NotFoundInput>;
export type TripBuy = Plain<purchasing.Buy>;
export type TripSummary = Plain<purchasing.TripSummary>;
export type RefundDue = Plain<purchasing.RefundDue>;
export type StockValuation = Plain<purchasing.StockValuation>;

// Shipping: carriers with services and rate tables, the carrier rules, quotes, parcels,
// tracking and printing.
export type Carrier = Plain<shipping.Carrier>;
export type CarrierService = Plain<shipping.CarrierService>;
export type ServiceRate = Plain<shipping.Rate>;
export type ShippingRules = Plain<shipping.Rules>;
export type DestinationRule = Plain<shipping.DestinationRule>;
export type QuoteInput = Plain<shipping.QuoteInput>;
export type Quote = Plain<shipping.Quote>;
export type QuoteOption = Plain<shipping.Option>;
export type PackableOrder = Plain<shipping.PackableOrder>;
export type ParcelDraft = Plain<shipping.Draft>;
export type ParcelInput = Plain<shipping.ParcelInput>;
export type ParcelItemInput = Plain<shipping.ItemInput>;
export type Parcel = Plain<shipping.Parcel>;
export type ParcelLine = Plain<shipping.ParcelLine>;
export type ParcelOrder = Plain<shipping.ParcelOrder>;
export type ParcelFilter = Plain<shipping.ParcelFilter>;
export type ParcelRow = Plain<shipping.ParcelRow>;
export type TrackingEvent = Plain<shipping.Event>;
export type TrackingEventInput = Plain<shipping.EventInput>;
export type PrintRequest = Plain<shipping.PrintRequest>;
