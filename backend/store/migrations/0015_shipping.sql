-- Shipping (issue 6): carriers and their services with rate tables, parcels and what is
-- packed in them, tracking events, and customer notices. Replicated tables follow 0001's
-- rules: no foreign keys, no UNIQUE business keys, text defaults '' and integers 0, _v / _hlc
-- for the write path. A parcel's status is not stored: it follows its tracking events.

CREATE TABLE carriers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',            -- 顺丰速运
  name_en TEXT NOT NULL DEFAULT '',         -- SF Express
  kind TEXT NOT NULL DEFAULT '',            -- express | post | forwarder | courier (domestic leg)
  tracking_url TEXT NOT NULL DEFAULT '',    -- with {no} where the tracking number goes
  phone TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);

CREATE TABLE carrier_services (
  id TEXT PRIMARY KEY,
  carrier_id TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '',
  tier TEXT NOT NULL DEFAULT '',            -- economy | standard | express
  origin TEXT NOT NULL DEFAULT '',          -- where it picks up: CN (domestic), a country code, or '' (anywhere abroad)
  currency TEXT NOT NULL DEFAULT '',        -- of its rates
  volumetric_divisor INTEGER NOT NULL DEFAULT 0, -- cm³ per kg (5000, 6000); 0 = by weight only
  max_weight_g INTEGER NOT NULL DEFAULT 0,  -- 0 = no limit
  transit_min INTEGER NOT NULL DEFAULT 0, transit_max INTEGER NOT NULL DEFAULT 0, -- days
  insurance INTEGER NOT NULL DEFAULT 0, signature INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX carrier_services_carrier ON carrier_services(carrier_id);

-- One destination zone of a service's rate table: first weight and each additional unit.
-- provinces lists the destinations (comma-separated province names or country codes);
-- '' is everywhere no other row of the service names.
CREATE TABLE service_rates (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL DEFAULT '',
  zone TEXT NOT NULL DEFAULT '', provinces TEXT NOT NULL DEFAULT '',
  first_g INTEGER NOT NULL DEFAULT 0, first_fee INTEGER NOT NULL DEFAULT 0,
  extra_g INTEGER NOT NULL DEFAULT 0, extra_fee INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX service_rates_service ON service_rates(service_id);

CREATE TABLE parcels (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL DEFAULT '',          -- PCL-<device prefix>-0001
  carrier_id TEXT NOT NULL DEFAULT '', service_id TEXT NOT NULL DEFAULT '',
  tracking_no TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',          -- country it leaves from (CN = from stock in China)
  leg2_carrier TEXT NOT NULL DEFAULT '', leg2_tracking_no TEXT NOT NULL DEFAULT '', -- forwarder's domestic courier
  weight_g INTEGER NOT NULL DEFAULT 0,
  length_mm INTEGER NOT NULL DEFAULT 0, width_mm INTEGER NOT NULL DEFAULT 0, height_mm INTEGER NOT NULL DEFAULT 0,
  contents TEXT NOT NULL DEFAULT '',        -- declared for customs
  declared_value INTEGER NOT NULL DEFAULT 0, declared_currency TEXT NOT NULL DEFAULT '',
  insured INTEGER NOT NULL DEFAULT 0, signature INTEGER NOT NULL DEFAULT 0,
  freight INTEGER NOT NULL DEFAULT 0, freight_currency TEXT NOT NULL DEFAULT '',
  freight_rate TEXT NOT NULL DEFAULT '',    -- 1 unit of freight_currency in the base currency
  customer_id TEXT NOT NULL DEFAULT '',
  ship_name TEXT NOT NULL DEFAULT '', ship_phone TEXT NOT NULL DEFAULT '',
  ship_province TEXT NOT NULL DEFAULT '', ship_city TEXT NOT NULL DEFAULT '',
  ship_district TEXT NOT NULL DEFAULT '', ship_street TEXT NOT NULL DEFAULT '',
  ship_postcode TEXT NOT NULL DEFAULT '', id_number TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  packed_at TEXT NOT NULL DEFAULT '', labelled_at TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX parcels_packed ON parcels(deleted, packed_at);
CREATE INDEX parcels_number ON parcels(number);
CREATE INDEX parcels_tracking ON parcels(tracking_no) WHERE tracking_no <> '';
CREATE INDEX parcels_leg2_tracking ON parcels(leg2_tracking_no) WHERE leg2_tracking_no <> '';

-- What is packed: qty of an order line in a parcel (id derived from parcel + line).
CREATE TABLE parcel_items (
  id TEXT PRIMARY KEY,
  parcel_id TEXT NOT NULL DEFAULT '', order_id TEXT NOT NULL DEFAULT '', line_id TEXT NOT NULL DEFAULT '',
  qty INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX parcel_items_parcel ON parcel_items(parcel_id);
CREATE INDEX parcel_items_order ON parcel_items(order_id);
CREATE INDEX parcel_items_line ON parcel_items(line_id);

-- Tracking: picked_up, in_transit, customs, out_for_delivery, delivered, exception, lost,
-- damaged, returned. An event imported from a carrier file has an id derived from parcel,
-- kind and time, so importing the file twice (or on two laptops) records it once.
CREATE TABLE parcel_events (
  id TEXT PRIMARY KEY,
  parcel_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT '', place TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',          -- manual | import
  device TEXT NOT NULL DEFAULT '',
  _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX parcel_events_parcel ON parcel_events(parcel_id, at);

-- A message to a customer about an order (shipped, customs, delivered, delayed): copied into
-- WeChat by hand (channel copy) or sent by e-mail (channel email) from the device that wrote
-- it; each attempt to send is a notice_sends row, so the outbox is the e-mail notices of this
-- device without a successful send.
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL DEFAULT '', parcel_id TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL DEFAULT '', lang TEXT NOT NULL DEFAULT '',
  recipient TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '',
  _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notices_order ON notices(order_id, at);
CREATE INDEX notices_parcel ON notices(parcel_id);
CREATE INDEX notices_outbox ON notices(device, channel);

CREATE TABLE notice_sends (
  id TEXT PRIMARY KEY,
  notice_id TEXT NOT NULL DEFAULT '', ok INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '',
  _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notice_sends_notice ON notice_sends(notice_id);

-- Local: a parcel's state from its tracking events. Delivered beats everything, then lost;
-- otherwise the latest event (picked up counts as in transit); no event = still packed.
-- shipped_at is the first carrier event; problem counts exception, lost and damaged events.
CREATE VIEW parcel_state AS
SELECT x.parcel_id,
  CASE WHEN x.delivered_at <> '' THEN 'delivered' WHEN x.lost THEN 'lost' ELSE x.last END AS status,
  x.shipped_at, x.delivered_at, x.problems
FROM (
  SELECT p.id AS parcel_id,
    coalesce((SELECT min(e.at) FROM parcel_events e WHERE e.parcel_id = p.id AND e.kind = 'delivered'), '') AS delivered_at,
    EXISTS (SELECT 1 FROM parcel_events e WHERE e.parcel_id = p.id AND e.kind = 'lost') AS lost,
    coalesce((SELECT CASE e.kind WHEN 'picked_up' THEN 'in_transit' ELSE e.kind END FROM parcel_events e
              WHERE e.parcel_id = p.id ORDER BY e.at DESC, e.id DESC LIMIT 1), 'packed') AS last,
    coalesce((SELECT min(e.at) FROM parcel_events e WHERE e.parcel_id = p.id), '') AS shipped_at,
    (SELECT count(*) FROM parcel_events e WHERE e.parcel_id = p.id AND e.kind IN ('exception', 'lost', 'damaged')) AS problems
  FROM parcels p
) x;
