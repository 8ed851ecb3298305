#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generate a synthetic but realistic LARGE dbt project, parse it with real dbt, and write
synthetic run_results.json / sources.json artifacts next to the real manifest.json.

The project looks like a big company's analytics repository: ~40 business domains, each with
staging models over raw sources, many levels of intermediate models, and marts; generic and
singular data tests, unit tests, seeds, snapshots, exposures, groups with access levels, versioned
models and named selectors. Everything is derived from random.Random(seed), so the same
(--models, --seed) always produce byte-identical project files.

Only the Python standard library is used. See scripts/gen-large-project for the entry point.
"""

import argparse
import datetime as dt
import heapq
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import uuid
from bisect import bisect_right
from itertools import accumulate
from random import Random

# Bump whenever the generated project or the synthetic artifacts change shape: a cached project
# with another version is regenerated.
GENERATOR_VERSION = "1"
PROJECT_NAME = "acme_analytics"
DBT_VERSION = "1.12.6"
STAMP_FILE = ".gen-large-project.json"
OWNER_MARK = ".gen-large-project.owner"
RUN_STARTED_AT = dt.datetime(2025, 6, 3, 4, 0, 0)  # a fixed "last night" keeps output deterministic

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

DOMAINS = [
    "sales", "marketing", "finance", "billing", "payments", "product", "inventory", "logistics",
    "shipping", "procurement", "hr", "payroll", "recruiting", "support", "crm", "web", "mobile",
    "ads", "seo", "email", "subscriptions", "pricing", "fraud", "risk", "compliance", "legal",
    "engineering", "devops", "security", "analytics", "growth", "partnerships", "retail",
    "wholesale", "manufacturing", "quality", "research", "customer_success", "loyalty", "content",
]
FINANCE_DOMAINS = {"finance", "billing", "payments", "payroll", "pricing", "subscriptions",
                   "procurement", "wholesale", "fraud", "risk"}
PII_DOMAINS = {"crm", "hr", "payroll", "recruiting", "support", "customer_success", "email",
               "loyalty", "marketing"}
HOURLY_DOMAINS = {"payments", "fraud", "web", "mobile", "ads", "inventory", "logistics",
                  "shipping", "security", "devops", "support"}
WEEKLY_DOMAINS = {"research", "legal", "compliance", "hr", "recruiting", "quality", "content"}
# Domains whose intermediate+marts folders belong to a dbt group (access control).
GROUP_DOMAINS = ["finance", "payments", "hr", "fraud", "security", "payroll", "legal", "billing"]

# (system, loader, loaded_at_field)
SYSTEMS = [
    ("salesforce", "fivetran", "_fivetran_synced"), ("hubspot", "fivetran", "_fivetran_synced"),
    ("stripe", "stitch", "_sdc_batched_at"), ("netsuite", "fivetran", "_fivetran_synced"),
    ("zendesk", "airbyte", "_airbyte_extracted_at"), ("app_postgres", "airbyte", "_airbyte_extracted_at"),
    ("legacy_mysql", "stitch", "_sdc_batched_at"), ("segment", "segment", "received_at"),
    ("snowplow", "snowplow", "collector_tstamp"), ("google_ads", "fivetran", "_fivetran_synced"),
    ("facebook_ads", "fivetran", "_fivetran_synced"), ("shopify", "fivetran", "_fivetran_synced"),
    ("workday", "custom_python", "_loaded_at"), ("greenhouse", "fivetran", "_fivetran_synced"),
    ("jira", "airbyte", "_airbyte_extracted_at"), ("github", "airbyte", "_airbyte_extracted_at"),
    ("marketo", "fivetran", "_fivetran_synced"), ("intercom", "stitch", "_sdc_batched_at"),
    ("braze", "s3_copy", "_loaded_at"), ("adyen", "s3_copy", "_loaded_at"),
    ("sap", "informatica", "_etl_loaded_at"), ("oracle_erp", "informatica", "_etl_loaded_at"),
    ("mongo_app", "airbyte", "_airbyte_extracted_at"), ("kafka", "kafka_connect", "_kafka_timestamp"),
    ("s3_landing", "s3_copy", "_loaded_at"), ("amplitude", "s3_copy", "_loaded_at"),
    ("mixpanel", "fivetran", "_fivetran_synced"), ("quickbooks", "fivetran", "_fivetran_synced"),
    ("xero", "stitch", "_sdc_batched_at"), ("okta", "airbyte", "_airbyte_extracted_at"),
    ("servicenow", "fivetran", "_fivetran_synced"), ("dynamics", "fivetran", "_fivetran_synced"),
    ("bigcommerce", "stitch", "_sdc_batched_at"), ("iterable", "s3_copy", "_loaded_at"),
    ("launchdarkly", "airbyte", "_airbyte_extracted_at"), ("datadog", "custom_python", "_loaded_at"),
    ("pagerduty", "fivetran", "_fivetran_synced"), ("gong", "fivetran", "_fivetran_synced"),
    ("outreach", "fivetran", "_fivetran_synced"), ("avalara", "stitch", "_sdc_batched_at"),
]

ENTITIES = [
    "account", "customer", "order", "order_item", "invoice", "invoice_line", "payment", "refund",
    "subscription", "plan", "product", "sku", "price", "discount", "coupon", "shipment",
    "delivery", "carrier", "warehouse", "stock_level", "supplier", "purchase_order", "employee",
    "department", "position", "candidate", "application", "interview", "ticket", "conversation",
    "agent", "survey", "campaign", "ad_group", "ad", "click", "impression", "session", "pageview",
    "event", "device", "user", "lead", "opportunity", "contact", "contract", "quote",
    "transaction", "ledger_entry", "journal", "budget", "forecast", "expense", "vendor", "asset",
    "incident", "deployment", "build", "repository", "alert", "claim", "policy", "risk_score",
    "chargeback", "review", "reward", "membership", "store", "region", "territory", "article",
    "video", "feature_flag", "experiment", "variant", "cart", "return", "payout", "dispute",
    "address", "balance", "fee", "tax_line", "work_order", "inspection", "batch", "shift",
]
TABLE_SUFFIXES = ["", "", "", "_history", "_events", "_snapshots", "_log", "_details", "_archive",
                  "_changes", "_daily", "_v2", "_raw", "_staging", "_lines", "_metadata"]
INT_VERBS = ["enriched", "joined", "deduped", "pivoted", "aggregated", "filtered", "unioned",
             "scored", "windowed", "normalized", "reconciled", "ranked", "bucketed", "flattened",
             "mapped", "attributed", "sessionized", "allocated", "classified", "summarized"]
INT_QUALIFIERS = ["daily", "weekly", "monthly", "latest", "active", "historical", "by_region",
                  "by_channel", "by_product", "by_customer", "current", "rolling_30d",
                  "first_touch", "last_touch", "net", "gross", "adjusted", "open", "closed",
                  "by_month", "by_segment", "recent", "lifetime", "cohort"]
MART_GRAINS = ["daily", "weekly", "monthly", "quarterly", "by_region", "by_segment", "by_channel"]
RPT_TOPICS = ["kpis", "overview", "scorecard", "health", "funnel", "trends", "executive_summary",
              "variance", "pipeline", "cohorts", "retention", "sla", "backlog", "utilization"]
STATUS_VALUES = {
    "default": ["active", "inactive", "pending", "deleted"],
    "order": ["placed", "shipped", "completed", "return_pending", "returned"],
    "payment": ["pending", "succeeded", "failed", "refunded"],
    "ticket": ["new", "open", "pending", "solved", "closed"],
    "invoice": ["draft", "open", "paid", "void", "uncollectible"],
    "subscription": ["trialing", "active", "past_due", "canceled", "unpaid"],
    "shipment": ["label_created", "in_transit", "delivered", "exception"],
    "candidate": ["applied", "screening", "interviewing", "offer", "hired", "rejected"],
}
ATTRS = [
    ("status", "varchar", "Lifecycle status."),
    ("amount", "double", "Amount in the reporting currency."),
    ("currency", "varchar", "ISO 4217 currency code."),
    ("quantity", "integer", "Number of units."),
    ("region", "varchar", "Sales region."),
    ("channel", "varchar", "Acquisition or sales channel."),
    ("is_active", "boolean", "Whether the record is currently active."),
    ("country_code", "varchar", "ISO 3166 alpha-2 country code."),
    ("score", "double", "Model score between 0 and 1."),
    ("created_at", "timestamp", "When the record was created in the source system."),
]
SEED_NAMES = [
    "country_codes", "currency_codes", "fx_rates_manual", "region_mapping", "channel_mapping",
    "holiday_calendar", "fiscal_calendar", "product_category_mapping", "gl_account_mapping",
    "cost_center_mapping", "tax_rates", "employee_level_mapping", "timezone_mapping",
    "payment_method_mapping", "carrier_codes", "warehouse_locations", "sales_territories",
    "marketing_channel_groups", "utm_source_mapping", "plan_tiers", "discount_reasons",
    "refund_reasons", "ticket_categories", "sla_targets", "fraud_rules", "risk_thresholds",
    "compliance_controls", "legal_entities", "partner_tiers", "store_attributes",
    "supplier_categories", "quality_codes", "experiment_registry", "content_types",
    "loyalty_tiers", "bot_user_agents", "internal_email_domains", "excluded_accounts",
    "industry_codes", "language_codes",
]
EXPOSURE_KINDS = [("dashboard", 0.6), ("analysis", 0.12), ("notebook", 0.1), ("ml", 0.1),
                  ("application", 0.08)]
EXPOSURE_TOPICS = ["overview", "performance", "pipeline", "weekly_review", "board_pack",
                   "operations", "forecast", "churn_model", "ltv_model", "anomaly_alerts",
                   "executive_kpis", "self_serve", "reconciliation", "capacity_planning",
                   "sla_tracker", "cohort_explorer", "attribution", "daily_digest"]
PEOPLE = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
          "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter",
          "yasmin", "zoe", "oscar", "priya", "kenji", "lena", "mateo", "noor", "sven"]
EXTRA_MODEL_TAGS = ["critical", "sla_6am", "nightly", "pii", "experimental", "deprecated",
                    "board_reporting", "gdpr", "revenue", "kpi"]

SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


def plural(word):
    if word.endswith("s") or word.endswith("_v2"):
        return word
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x")):
        return word + "es"
    return word + "s"


# --------------------------------------------------------------------------------------------
# Tiny YAML emitter (block style; strings quoted with JSON escapes when not plain)
# --------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_./@+-]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


class Flow(dict):
    """A mapping emitted inline: {a: 1, b: x}."""


def yscalar(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    if _PLAIN.match(s) and s.lower() not in _RESERVED:
        return s
    return json.dumps(s)


def _is_scalar(v):
    return v is None or isinstance(v, (str, int, float, bool))


def _inline(v):
    if isinstance(v, Flow):
        return "{" + ", ".join(f"{k}: {_inline(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list) and all(_is_scalar(x) for x in v):
        return "[" + ", ".join(yscalar(x) for x in v) + "]"
    if isinstance(v, dict) and not v:
        return "{}"
    if isinstance(v, list) and not v:
        return "[]"
    if _is_scalar(v):
        return yscalar(v)
    return None


def yemit(obj, indent=0, out=None):
    if out is None:
        out = []
    pad = " " * indent
    if isinstance(obj, dict):
        for k, v in obj.items():
            inl = _inline(v)
            if inl is not None:
                out.append(f"{pad}{k}: {inl}")
            else:
                out.append(f"{pad}{k}:")
                yemit(v, indent + 2, out)
    elif isinstance(obj, list):
        for item in obj:
            inl = _inline(item)
            if inl is not None:
                out.append(f"{pad}- {inl}")
            else:
                sub = yemit(item, indent + 2, [])
                sub[0] = pad + "- " + sub[0][indent + 2:]
                out.extend(sub)
    else:
        out.append(pad + yscalar(obj))
    return out


def ydump(obj):
    return "\n".join(yemit(obj)) + "\n"


# --------------------------------------------------------------------------------------------
# Project model
# --------------------------------------------------------------------------------------------

class Model:
    __slots__ = ("name", "layer", "domain", "system", "dir", "entity", "pk", "kind", "tier",
                 "parents", "parent_versions", "sources", "seeds", "snapshots", "materialized",
                 "sql_config", "yaml_config", "level", "weight", "hub", "versioned", "columns",
                 "fks", "tests", "children", "referrers_other", "access", "group", "idx",
                 "has_yaml", "description", "unit_tests")

    def __init__(self, name, layer, domain):
        self.name = name
        self.layer = layer
        self.domain = domain
        self.system = None
        self.dir = None
        self.entity = None
        self.pk = None
        self.kind = None
        self.tier = 0
        self.parents = []          # Model objects (deduplicated, ordered)
        self.parent_versions = {}  # parent name -> pinned version (int) for ref(..., v=)
        self.sources = []          # (source_name, table_name)
        self.seeds = []
        self.snapshots = []
        self.materialized = "view"
        self.sql_config = {}
        self.yaml_config = {}
        self.level = 1
        self.weight = 1.0
        self.hub = False
        self.versioned = False
        self.columns = []          # (name, description)
        self.fks = []              # (column, parent Model)
        self.tests = []
        self.children = []
        self.referrers_other = False  # referenced by a singular test/exposure/unit test
        self.access = None
        self.group = None
        self.idx = 0
        self.has_yaml = True
        self.description = ""
        self.unit_tests = []


class Source:
    __slots__ = ("name", "domain", "system", "loader", "loaded_at_field", "tables", "freshness",
                 "description")

    def __init__(self, name, domain, system, loader, loaded_at_field):
        self.name = name
        self.domain = domain
        self.system = system
        self.loader = loader
        self.loaded_at_field = loaded_at_field
        self.tables = []  # dicts
        self.freshness = None
        self.description = ""


class Picker:
    """Weighted choice over a fixed list, O(log n) per pick."""

    def __init__(self, items, weights):
        self.items = items
        self.cum = list(accumulate(weights))

    def __bool__(self):
        return bool(self.items)

    def pick(self, rng):
        x = rng.random() * self.cum[-1]
        return self.items[min(bisect_right(self.cum, x), len(self.items) - 1)]


class Generator:
    def __init__(self, n_models, seed):
        self.n = n_models
        self.seed = seed
        self.rng = Random(seed)
        n = n_models
        self.n_domains = min(len(DOMAINS), max(6, n // 100))
        self.domains = DOMAINS[: self.n_domains]
        self.n_tables = max(self.n_domains * 4, round(n * 8000 / 15000))
        self.n_sources = max(self.n_domains, round(self.n_tables / 23))
        self.n_stg = max(self.n_domains, round(n * 0.35))
        self.n_mart = max(self.n_domains, round(n * 0.20))
        self.n_int = max(1, n - self.n_stg - self.n_mart)
        self.n_int_levels = min(26, max(2, self.n_int // 6))
        self.n_exposures = max(5, round(n / 50))
        self.n_seeds = min(len(SEED_NAMES), max(5, n // 400))
        self.n_snapshots = min(12, max(2, n // 2500))
        self.n_unit = max(3, n // 150)
        self.n_singular = max(5, n // 50)
        self.n_versioned = min(8, max(1, n // 3000))
        self.n_source_tests = max(5, n // 50)
        self.models = []
        self.by_name = {}
        self.sources = []
        self.seeds = []
        self.snapshots = []   # dicts
        self.exposures = []
        self.singular = []
        self.groups = {}
        self.files = {}       # relative path -> content
        dom_rng = Random(seed * 7919 + 1)
        self.domain_weight = {d: dom_rng.uniform(0.5, 2.0) for d in self.domains}
        self.domain_entities = {}
        for d in self.domains:
            ents = ENTITIES[:]
            dom_rng.shuffle(ents)
            self.domain_entities[d] = ents[:28]
        self.domain_owner = {d: f"{d.replace('_', '-')}-data@acme.io" for d in self.domains}
        self.group_domains = [d for d in GROUP_DOMAINS if d in self.domains][: max(2, self.n_domains // 5)]

    # ---------------- helpers ----------------

    def unique_name(self, base):
        if base not in self.by_name:
            return base
        i = 2
        while f"{base}_{i}" in self.by_name:
            i += 1
        return f"{base}_{i}"

    def add_model(self, m):
        m.idx = len(self.models)
        self.models.append(m)
        self.by_name[m.name] = m
        return m

    def spread(self, total, keys, weights):
        """Split total into integer shares over keys proportional to weights (each >= 0)."""
        s = sum(weights)
        raw = [total * w / s for w in weights]
        out = [int(x) for x in raw]
        rem = total - sum(out)
        order = sorted(range(len(keys)), key=lambda i: raw[i] - out[i], reverse=True)
        for i in order[:rem]:
            out[i] += 1
        return dict(zip(keys, out))

    def popularity(self):
        return min(60.0, self.rng.paretovariate(1.4))

    # ---------------- sources ----------------

    def gen_sources(self):
        rng = self.rng
        dw = [self.domain_weight[d] for d in self.domains]
        per_domain = self.spread(self.n_sources, self.domains, dw)
        for d in self.domains:
            per_domain[d] = max(1, per_domain[d])
        systems = SYSTEMS[:]
        for d in self.domains:
            rng.shuffle(systems)
            for sysname, loader, laf in systems[: per_domain[d]]:
                s = Source(f"{sysname}_{d}", d, sysname, loader, laf)
                s.description = f"Raw {sysname.replace('_', ' ')} data for the {d.replace('_', ' ')} domain, loaded by {loader}."
                self.sources.append(s)
        total_tables = max(self.n_tables, len(self.sources))
        sw = [rng.uniform(0.4, 1.8) for _ in self.sources]
        per_source = self.spread(total_tables, list(range(len(self.sources))), sw)
        for i, s in enumerate(self.sources):
            want = max(1, per_source[i])
            ents = self.domain_entities[s.domain][:]
            rng.shuffle(ents)
            used = set()
            k = 0
            while len(s.tables) < want:
                ent = ents[k % len(ents)]
                suffix = "" if k < len(ents) else rng.choice(TABLE_SUFFIXES)
                k += 1
                tname = plural(ent) + suffix
                if tname in used:
                    tname = f"{plural(ent)}_{rng.choice(['v3', 'eu', 'us', 'apac', 'legacy', 'new', 'old', 'ext'])}"
                    if tname in used:
                        continue
                used.add(tname)
                s.tables.append({"name": tname, "entity": ent, "freshness": "inherit"})
            cadence = self.cadence(s.domain)
            r = rng.random()
            if r < 0.05:
                s.freshness = None  # no freshness monitoring at all
            elif cadence == "hourly":
                s.freshness = {"warn_after": {"count": rng.choice([1, 2, 3]), "period": "hour"},
                               "error_after": {"count": rng.choice([6, 8, 12]), "period": "hour"}}
            elif cadence == "weekly":
                s.freshness = {"warn_after": {"count": 7, "period": "day"},
                               "error_after": {"count": 14, "period": "day"}}
            else:
                s.freshness = {"warn_after": {"count": rng.choice([12, 24, 26]), "period": "hour"},
                               "error_after": {"count": rng.choice([36, 48, 72]), "period": "hour"}}
            for t in s.tables:
                if s.freshness is None:
                    if rng.random() < 0.05:
                        t["freshness"] = {"warn_after": {"count": 1, "period": "day"}}
                    continue
                r = rng.random()
                if r < 0.10:
                    t["freshness"] = None  # static/reference table
                elif r < 0.16:
                    t["freshness"] = {"warn_after": {"count": rng.choice([30, 90]), "period": "minute"},
                                      "error_after": {"count": rng.choice([3, 4]), "period": "hour"}}
                elif r < 0.19:
                    t["freshness"] = {"error_after": {"count": rng.choice([2, 3]), "period": "day"},
                                      "filter": "_deleted = false"}
            # columns for a share of the tables
            for t in s.tables:
                t["columns"] = rng.random() < 0.5

    def cadence(self, d):
        if d in HOURLY_DOMAINS:
            return "hourly"
        if d in WEEKLY_DOMAINS:
            return "weekly"
        return "daily"

    # ---------------- seeds & snapshots ----------------

    def gen_seeds(self):
        rng = self.rng
        for name in SEED_NAMES[: self.n_seeds]:
            ncols = rng.randint(2, 6)
            rows = rng.randint(5, 120)
            key = name.split("_")[0] + "_code"
            cols = [key] + [f"{c}" for c in ["label", "group_name", "sort_order", "is_enabled", "valid_from"][: ncols - 1]]
            lines = [",".join(cols)]
            for r in range(rows):
                vals = []
                for c in cols:
                    if c == key:
                        vals.append(f"{name[:3].upper()}{r:04d}")
                    elif c == "label":
                        vals.append(f"{name.replace('_', ' ').title()} {r}")
                    elif c == "group_name":
                        vals.append(rng.choice(["A", "B", "C", "other"]))
                    elif c == "sort_order":
                        vals.append(str(r + 1))
                    elif c == "is_enabled":
                        vals.append(rng.choice(["true", "true", "false"]))
                    else:
                        vals.append(f"20{rng.randint(18, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
                lines.append(",".join(vals))
            self.seeds.append({"name": name, "key": key, "cols": cols, "rows": rows,
                               "csv": "\n".join(lines) + "\n"})

    def gen_snapshots(self):
        rng = self.rng
        candidates = [(s, t) for s in self.sources for t in s.tables]
        rng.shuffle(candidates)
        used = set()
        for s, t in candidates:
            if len(self.snapshots) >= self.n_snapshots:
                break
            name = f"snap_{s.domain}__{plural(t['entity'])}"
            if name in used:
                continue
            used.add(name)
            legacy_sql = len(self.snapshots) % 4 == 3
            self.snapshots.append({"name": name, "source": s.name, "table": t["name"],
                                   "entity": t["entity"], "domain": s.domain, "sql": legacy_sql,
                                   "strategy": "check" if legacy_sql else "timestamp",
                                   "level": 1, "weight": 1.0})

    # ---------------- models ----------------

    def gen_staging(self):
        rng = self.rng
        all_tables = [(s, t) for s in self.sources for t in s.tables]
        rng.shuffle(all_tables)
        chosen = all_tables[: self.n_stg]
        if len(chosen) < self.n_stg:  # tiny projects: reuse tables
            chosen += [rng.choice(all_tables) for _ in range(self.n_stg - len(chosen))]
        chosen.sort(key=lambda st: (self.domains.index(st[0].domain), st[0].name, st[1]["name"]))
        by_domain_tables = {}
        for s, t in all_tables:
            by_domain_tables.setdefault(s.domain, []).append((s, t))
        for s, t in chosen:
            name = self.unique_name(f"stg_{s.name}__{t['name']}")
            m = Model(name, "staging", s.domain)
            m.system = s.system
            m.dir = f"models/staging/{s.domain}/{s.system}"
            m.entity = t["entity"]
            m.pk = f"{t['entity']}_id"
            m.kind = "stg"
            m.sources = [(s.name, t["name"])]
            m.level = 1
            if rng.random() < 0.10:
                # union with a second raw table of the same domain (sharded / archived copy)
                s2, t2 = rng.choice(by_domain_tables[s.domain])
                if (s2.name, t2["name"]) != m.sources[0]:
                    m.sources.append((s2.name, t2["name"]))
            r = rng.random()
            if r < 0.04:
                m.materialized = "table"
            elif r < 0.06:
                m.materialized = "incremental"
            m.weight = self.popularity()
            self.add_model(m)

    def mk_pool(self, models, weight_fn=None):
        items = list(models)
        if weight_fn is None:
            weights = [m.weight for m in items]
        else:
            weights = [weight_fn(m) for m in items]
        return Picker(items, weights)

    def choose_hubs(self):
        rng = self.rng
        stg = [m for m in self.models if m.layer == "staging"]
        # one "core" staging model per domain plus a few global ones; Zipf-ranked
        hubs = []
        for d in self.domains:
            cands = [m for m in stg if m.domain == d]
            if cands:
                hubs.append(max(cands, key=lambda m: m.weight))
        extra = rng.sample(stg, min(len(stg), max(3, self.n_domains // 4)))
        for m in extra:
            if m not in hubs:
                hubs.append(m)
        rng.shuffle(hubs)
        for m in hubs:
            m.hub = True
            if m.materialized == "incremental":
                m.materialized = "table"
        self.hubs = hubs

    def hub_picker(self, extra_int_hubs):
        # intermediate hubs (calendar/fx-like helpers) are interleaved near the top of the ranking
        hubs = list(self.hubs)
        for j, h in enumerate(extra_int_hubs):
            hubs.insert(min(len(hubs), 1 + 3 * j), h)
        weights = [1.0 / (r + 1) ** 0.95 for r in range(len(hubs))]
        return Picker(hubs, weights)

    def gen_intermediate(self):
        rng = self.rng
        L = self.n_int_levels
        lv_w = [0.93 ** i for i in range(L)]
        per_level = self.spread(self.n_int, list(range(2, L + 2)), lv_w)
        dom_keys = self.domains
        dom_w = [self.domain_weight[d] for d in dom_keys]
        dom_picker = Picker(dom_keys, dom_w)
        int_hubs = []
        snap_by_domain = {}
        for sn in self.snapshots:
            snap_by_domain.setdefault(sn["domain"], []).append(sn)
        seed_picker = Picker(self.seeds, [1.0 / (i + 1) for i in range(len(self.seeds))]) if self.seeds else None
        for k in range(2, L + 2):
            below = [m for m in self.models if m.level < k]
            prev = [m for m in self.models if m.level == k - 1]
            pool_dom = {d: self.mk_pool([m for m in below if m.domain == d]) for d in dom_keys}
            prev_dom = {d: self.mk_pool([m for m in prev if m.domain == d]) for d in dom_keys}
            prev_all = self.mk_pool(prev)
            hubp = self.hub_picker(int_hubs)
            new = []
            for _ in range(per_level[k]):
                d = dom_picker.pick(rng)
                primary = prev_dom[d].pick(rng) if prev_dom[d] else prev_all.pick(rng)
                nparents = rng.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
                parents = [primary]
                for _j in range(nparents - 1):
                    if rng.random() < 0.12:
                        od = rng.choice(dom_keys)
                        p = pool_dom[od].pick(rng) if pool_dom[od] else None
                    else:
                        p = pool_dom[d].pick(rng) if pool_dom[d] else None
                    if p is not None and p not in parents:
                        parents.append(p)
                if rng.random() < 0.25:
                    h = hubp.pick(rng)
                    if h.level < k and h not in parents:
                        parents.append(h)
                m = self.make_int(d, primary, parents)
                m.level = k
                if snap_by_domain.get(d) and rng.random() < 0.02:
                    m.snapshots.append(rng.choice(snap_by_domain[d])["name"])
                if seed_picker and rng.random() < 0.04:
                    m.seeds.append(seed_picker.pick(rng)["name"])
                new.append(m)
            for m in new:
                self.add_model(m)
            if k == 2:
                # a few level-2 intermediate models become cross-domain hubs (calendar, fx, ...)
                cands = [m for m in new if m.materialized not in ("ephemeral", "incremental")]
                rng.shuffle(cands)
                for m in cands[: max(2, self.n_domains // 5)]:
                    m.hub = True
                    int_hubs.append(m)
        # ensure the snapshots are all used somewhere
        ints = [m for m in self.models if m.layer == "intermediate"]
        for sn in self.snapshots:
            if not any(sn["name"] in m.snapshots for m in ints):
                cands = [m for m in ints if m.domain == sn["domain"]] or ints
                rng.choice(cands).snapshots.append(sn["name"])

    def make_int(self, d, primary, parents):
        rng = self.rng
        ent = primary.entity
        verb = rng.choice(INT_VERBS)
        if rng.random() < 0.5:
            base = f"int_{d}__{plural(ent)}_{rng.choice(INT_QUALIFIERS)}_{verb}"
        else:
            base = f"int_{d}__{plural(ent)}_{verb}"
        name = self.unique_name(base)
        # reserve the name now so later picks in the same level stay unique
        self.by_name[name] = None
        m = Model(name, "intermediate", d)
        m.dir = f"models/intermediate/{d}"
        m.entity = ent
        m.pk = f"{ent}_id"
        m.kind = verb
        m.parents = parents
        r = rng.random()
        if r < 0.19:
            m.materialized = "table"
        elif r < 0.233:
            m.materialized = "incremental"
        elif r < 0.30:
            m.materialized = "ephemeral"
        m.weight = self.popularity()
        return m

    def gen_marts(self):
        rng = self.rng
        n1 = round(self.n_mart * 0.7)
        n2 = self.n_mart - n1
        dom_keys = self.domains
        dom_picker = Picker(dom_keys, [self.domain_weight[d] for d in dom_keys])
        non_mart = [m for m in self.models if m.layer != "marts"]
        pool_dom = {d: self.mk_pool([m for m in non_mart if m.domain == d]) for d in dom_keys}
        top = max(m.level for m in non_mart)
        ints = [m for m in non_mart if m.layer == "intermediate"]
        # primary parent biased towards deep intermediate models (they feed the facts)
        deep_dom = {d: self.mk_pool([m for m in ints if m.domain == d],
                                    lambda m: (m.level / top) ** 3 * (1 + m.weight)) for d in dom_keys}
        deep_all = self.mk_pool(ints, lambda m: (m.level / top) ** 3 * (1 + m.weight))
        hubp = self.hub_picker([m for m in self.models if m.hub and m.layer == "intermediate"])
        seed_picker = Picker(self.seeds, [1.0 / (i + 1) for i in range(len(self.seeds))]) if self.seeds else None
        tier1 = []
        for _ in range(n1):
            d = dom_picker.pick(rng)
            primary = deep_dom[d].pick(rng) if deep_dom[d] else deep_all.pick(rng)
            parents = [primary]
            want = rng.choices([2, 3, 4, 5, 6], [25, 30, 22, 13, 10])[0]
            tries = 0
            while len(parents) < want and tries < 20:
                tries += 1
                od = rng.choice(dom_keys) if rng.random() < 0.15 else d
                if not pool_dom[od]:
                    continue
                p = pool_dom[od].pick(rng)
                if p not in parents:
                    parents.append(p)
            if rng.random() < 0.30:
                h = hubp.pick(rng)
                if h not in parents:
                    parents.append(h)
            is_dim = rng.random() < 0.4
            ent = primary.entity
            prefix = "dim" if is_dim else "fct"
            base = f"{prefix}_{d}__{plural(ent)}" if not is_dim else f"dim_{d}__{ent}"
            if base in self.by_name:
                base = f"{base}_{rng.choice(INT_QUALIFIERS)}"
            name = self.unique_name(base)
            self.by_name[name] = None
            m = Model(name, "marts", d)
            m.dir = f"models/marts/{d}"
            m.entity = ent
            m.pk = f"{ent}_id"
            m.kind = prefix
            m.tier = 1
            m.parents = parents
            if seed_picker and rng.random() < 0.05:
                m.seeds.append(seed_picker.pick(rng)["name"])
            self.mart_materialization(m)
            m.weight = self.popularity()
            tier1.append(m)
        for m in tier1:
            m.level = 1 + max(p.level for p in m.parents)
            self.add_model(m)
        t1_dom = {d: self.mk_pool([m for m in tier1 if m.domain == d]) for d in dom_keys}
        t1_all = self.mk_pool(tier1)
        tier2 = []
        for _ in range(n2):
            d = dom_picker.pick(rng)
            src = t1_dom[d] if t1_dom[d] else t1_all
            primary = src.pick(rng)
            parents = [primary]
            want = rng.choices([2, 3, 4, 5, 6], [30, 30, 20, 12, 8])[0]
            tries = 0
            while len(parents) < want and tries < 20:
                tries += 1
                r = rng.random()
                if r < 0.15:
                    p = t1_all.pick(rng)
                elif r < 0.30 and pool_dom[d]:
                    p = pool_dom[d].pick(rng)
                else:
                    p = src.pick(rng)
                if p not in parents:
                    parents.append(p)
            ent = primary.entity
            if rng.random() < 0.6:
                base = f"agg_{d}__{plural(ent)}_{rng.choice(MART_GRAINS)}"
                kind = "agg"
            else:
                base = f"rpt_{d}__{rng.choice(RPT_TOPICS)}"
                kind = "rpt"
            if base in self.by_name:
                base = f"{base}_{rng.choice(MART_GRAINS + RPT_TOPICS)}"
            name = self.unique_name(base)
            self.by_name[name] = None
            m = Model(name, "marts", d)
            m.dir = f"models/marts/{d}"
            m.entity = ent
            m.pk = f"{ent}_id" if kind == "agg" else "report_key"
            m.kind = kind
            m.tier = 2
            m.parents = parents
            self.mart_materialization(m)
            m.weight = 1.0
            tier2.append(m)
        for m in tier2:
            m.level = 1 + max(p.level for p in m.parents)
            self.add_model(m)
        # versioned models: a handful of heavily used dims
        dims = [m for m in tier1 if m.kind == "dim" and m.materialized != "ephemeral"]
        rng.shuffle(dims)
        for m in dims[: self.n_versioned]:
            m.versioned = True
            if m.materialized == "view":
                m.materialized = "table"
        # a few downstream refs pin v1
        for m in tier2:
            for p in m.parents:
                if p.versioned and rng.random() < 0.25:
                    m.parent_versions[p.name] = 1

    def mart_materialization(self, m):
        r = self.rng.random()
        if r < 0.75:
            m.materialized = "table"
        elif r < 0.87:
            m.materialized = "incremental"
        else:
            m.materialized = "view"

    # ---------------- columns, configs, tests ----------------

    def finish_models(self):
        rng = self.rng
        for m in self.models:
            for p in m.parents:
                p.children.append(m)
        for m in self.models:
            cols = [(m.pk, f"Primary key of the {m.entity.replace('_', ' ')}." if m.pk != "report_key" else "Surrogate key of the report row.")]
            seen = {m.pk}
            for p in m.parents:
                if p.pk not in seen and p.pk != "report_key" and len(m.fks) < 3:
                    cols.append((p.pk, f"Foreign key to {p.name}."))
                    m.fks.append((p.pk, p))
                    seen.add(p.pk)
            nattr = rng.randint(2, 5)
            for a, _typ, desc in rng.sample(ATTRS, nattr):
                if a not in seen:
                    cols.append((a, desc))
                    seen.add(a)
            if "status" not in seen and rng.random() < 0.6:
                cols.append(("status", "Lifecycle status."))
            cols.append(("updated_at", "When the record was last updated."))
            m.columns = cols
            m.description = self.describe(m)
            # per-model config (SQL config block or YAML config)
            folder_default = "table" if m.layer == "marts" else "view"
            cfg = {}
            if m.materialized != folder_default:
                cfg["materialized"] = m.materialized
            if m.materialized == "incremental":
                cfg["unique_key"] = m.pk
                cfg["incremental_strategy"] = rng.choice(["delete+insert", "delete+insert", "merge", "append"])
                if cfg["incremental_strategy"] == "append":
                    del cfg["unique_key"]
                    cfg["incremental_strategy"] = "delete+insert"
                    cfg["unique_key"] = m.pk
                cfg["on_schema_change"] = rng.choice(["ignore", "append_new_columns", "sync_all_columns", "fail"])
            if rng.random() < 0.08:
                cfg["tags"] = rng.sample(EXTRA_MODEL_TAGS, rng.randint(1, 2))
            yaml_cfg = {}
            if rng.random() < 0.10:
                yaml_cfg["meta"] = Flow(owner=f"@{rng.choice(PEOPLE)}",
                                        tier=rng.choice(["gold", "silver", "bronze"]))
            if m.materialized in ("table", "incremental") and rng.random() < 0.05:
                yaml_cfg["docs"] = Flow(node_color=rng.choice(["#2b6cb0", "#c05621", "#2f855a"]))
            # some models keep materialization in YAML instead of a config() block
            if "materialized" in cfg and m.materialized in ("table", "view", "ephemeral") and rng.random() < 0.3:
                yaml_cfg["materialized"] = cfg.pop("materialized")
            m.sql_config = cfg
            m.yaml_config = yaml_cfg
            m.has_yaml = rng.random() > 0.06 or m.versioned

    def describe(self, m):
        ent = m.entity.replace("_", " ")
        if m.layer == "staging":
            return f"Staged {plural(ent)} from {', '.join(s + '.' + t for s, t in m.sources)}: renamed, typed and lightly cleaned."
        if m.layer == "intermediate":
            return f"Intermediate {m.domain.replace('_', ' ')} {plural(ent)} ({m.kind}), built from {len(m.parents)} upstream model{'s' if len(m.parents) != 1 else ''}."
        if m.kind == "dim":
            return f"One row per {ent} for the {m.domain.replace('_', ' ')} domain."
        if m.kind == "fct":
            return f"Fact table of {plural(ent)} for the {m.domain.replace('_', ' ')} domain, one row per event."
        if m.kind == "agg":
            return f"Aggregated {plural(ent)} for {m.domain.replace('_', ' ')} reporting."
        return f"Report model for the {m.domain.replace('_', ' ')} {m.name.split('__')[-1].replace('_', ' ')}."

    def status_values(self, ent):
        for key in ("order", "payment", "ticket", "invoice", "subscription", "shipment", "candidate"):
            if ent.startswith(key):
                return STATUS_VALUES[key]
        return STATUS_VALUES["default"]

    def gen_generic_tests(self):
        rng = self.rng
        for m in self.models:
            if not m.has_yaml:
                continue
            if m.materialized == "ephemeral":
                k = rng.choices([0, 1], [60, 40])[0]
            else:
                k = rng.choices([0, 1, 2, 3, 4], [8, 18, 42, 20, 12])[0]
            if k == 0:
                continue
            # weighted sampling without replacement: primary-key tests are the most common,
            # then accepted_values / relationships, then not_null on other columns
            pool = []
            if m.kind not in ("agg", "rpt") or rng.random() < 0.5:
                pool.append(((m.pk, "unique"), 6.0))
            pool.append(((m.pk, "not_null"), 6.0))
            colnames = [c for c, _ in m.columns]
            if "status" in colnames:
                pool.append((("status", "accepted_values"), 4.0))
            for col, p in m.fks:
                if p.materialized != "ephemeral":
                    pool.append(((col, "relationships", p), 3.0))
                pool.append(((col, "not_null"), 1.0))
            for c in ("updated_at", "amount", "currency", "country_code"):
                if c in colnames:
                    pool.append(((c, "not_null"), 0.7))
            tests = []
            while pool and len(tests) < k:
                tot = sum(w for _, w in pool)
                x = rng.random() * tot
                for j, (t, w) in enumerate(pool):
                    x -= w
                    if x <= 0 or j == len(pool) - 1:
                        tests.append(t)
                        del pool[j]
                        break
            order = {c: j for j, (c, _d) in enumerate(m.columns)}
            tests.sort(key=lambda t: order.get(t[0], 99))
            for t in tests:
                spec = {"col": t[0], "test": t[1]}
                if t[1] == "relationships":
                    spec["to"] = t[2]
                r = rng.random()
                if r < 0.06:
                    spec["severity"] = "warn"
                elif r < 0.08:
                    spec["where"] = "updated_at >= current_date - interval 3 day"
                elif r < 0.09:
                    spec["error_if"] = ">100"
                    spec["warn_if"] = ">0"
                    spec["severity"] = "warn"
                m.tests.append(spec)

    def gen_unit_tests(self):
        rng = self.rng
        cands = [m for m in self.models
                 if m.layer != "staging" and m.materialized in ("view", "table") and not m.versioned
                 and not m.snapshots and m.has_yaml and not m.parent_versions
                 and all(p.materialized != "ephemeral" for p in m.parents)]
        rng.shuffle(cands)
        for i, m in enumerate(cands[: self.n_unit]):
            given = []
            for p in m.parents:
                ref = f"ref('{p.name}')"
                rows = []
                for r in range(rng.randint(1, 3)):
                    row = Flow()
                    row[p.pk] = r + 1
                    if p.pk != m.pk and m.pk != "report_key":
                        row[m.pk] = r + 1
                    row["updated_at"] = f"2024-0{r + 1}-15 10:00:00"
                    rows.append(row)
                given.append({"input": ref, "rows": rows})
            for sd in m.seeds:
                given.append({"input": f"ref('{sd}')", "rows": []})
            exp = Flow()
            exp[m.pk] = 1
            ut = {
                "name": f"test_{m.name}_{rng.choice(['handles_nulls', 'dedupes', 'joins_correctly', 'keeps_latest', 'casts_types', 'filters_deleted'])}",
                "model": m.name,
                "description": f"Checks the {m.kind} logic of {m.name}.",
                "given": given,
                "expect": {"rows": [exp]},
            }
            if rng.random() < 0.3:
                ut["config"] = {"tags": ["unit"]}
            m.unit_tests.append(ut)
            m.referrers_other = True
            for p in m.parents:
                p.referrers_other = True

    def gen_singular_tests(self):
        rng = self.rng
        cands = [m for m in self.models if m.materialized != "ephemeral"]
        names = set()
        checks = [
            ("no_negative_amounts", "where amount < 0"),
            ("no_future_updates", "where updated_at > current_timestamp + interval 1 hour"),
            ("no_orphaned_rows", None),
            ("row_count_matches_upstream", None),
            ("no_duplicate_keys", None),
            ("totals_reconcile", None),
        ]
        for _ in range(self.n_singular):
            m = rng.choice(cands)
            has_amount = any(c == "amount" for c, _d in m.columns)
            check, where = rng.choice([c for c in checks if has_amount or "amount" not in c[0] and c[0] != "totals_reconcile"])
            name = f"assert_{m.name}_{check}"
            if name in names:
                continue
            names.add(name)
            m.referrers_other = True
            sev = "warn" if rng.random() < 0.1 else None
            other = m.parents[0] if m.parents and m.parents[0].materialized != "ephemeral" else None
            if other is not None:
                other.referrers_other = True
            self.singular.append({"name": name, "model": m, "check": check, "where": where,
                                  "severity": sev, "other": other})

    def gen_exposures(self):
        rng = self.rng
        marts = [m for m in self.models if m.layer == "marts" and m.materialized != "ephemeral"]
        by_dom = {}
        for m in marts:
            by_dom.setdefault(m.domain, []).append(m)
        kinds = [k for k, _ in EXPOSURE_KINDS]
        kw = [w for _, w in EXPOSURE_KINDS]
        names = set()
        doms = [d for d in self.domains if d in by_dom]
        for i in range(self.n_exposures):
            d = doms[i % len(doms)]
            kind = rng.choices(kinds, kw)[0]
            topic = rng.choice(EXPOSURE_TOPICS)
            name = f"{d}_{topic}_{kind}"
            j = 2
            while name in names:
                name = f"{d}_{topic}_{kind}_{j}"
                j += 1
            names.add(name)
            deps = []
            for _k in range(rng.choices([1, 2, 3, 4, 5, 8], [20, 25, 20, 15, 12, 8])[0]):
                pool = by_dom[d] if rng.random() < 0.85 else rng.choice(list(by_dom.values()))
                p = rng.choice(pool)
                if p not in deps:
                    deps.append(p)
            if rng.random() < 0.05:
                ints = [m for m in self.models if m.layer == "intermediate" and m.domain == d and m.materialized != "ephemeral"]
                if ints:
                    deps.append(rng.choice(ints))
            for p in deps:
                p.referrers_other = True
            person = rng.choice(PEOPLE)
            self.exposures.append({
                "name": name, "domain": d, "type": kind, "deps": deps,
                "label": name.replace("_", " ").title(),
                "maturity": rng.choice(["high", "medium", "medium", "low"]),
                "url": f"https://bi.acme.io/{kind}s/{rng.randint(1000, 99999)}",
                "owner": {"name": person.title(), "email": f"{person}@acme.io"},
                "tags": [d] + (["executive"] if rng.random() < 0.1 else []),
            })

    def assign_groups(self):
        rng = self.rng
        for d in self.group_domains:
            self.groups[d] = {"name": d, "owner": {"name": f"{d.title()} Data Team", "email": self.domain_owner[d]}}
        for m in self.models:
            if m.domain in self.groups and m.layer in ("intermediate", "marts"):
                m.group = m.domain
        for m in self.models:
            if m.group is None:
                continue
            if m.layer == "marts" and m.tier == 1 and rng.random() < 0.35:
                m.access = "public"
            elif (m.layer == "intermediate" and not m.referrers_other and not m.hub
                  and m.materialized != "ephemeral"
                  and all(c.group == m.group for c in m.children) and rng.random() < 0.6):
                m.access = "private"

    # ---------------- rendering ----------------

    def ref_expr(self, child, p):
        v = child.parent_versions.get(p.name)
        if v is not None:
            return f"{{{{ ref('{p.name}', v={v}) }}}}"
        return f"{{{{ ref('{p.name}') }}}}"

    def config_block(self, cfg):
        if not cfg:
            return ""
        parts = []
        for k, v in cfg.items():
            if isinstance(v, list):
                parts.append(f"{k}=[" + ", ".join(f"'{x}'" for x in v) + "]")
            else:
                parts.append(f"{k}='{v}'")
        if len(parts) <= 2:
            return "{{ config(" + ", ".join(parts) + ") }}\n\n"
        return "{{\n    config(\n" + "".join(f"        {p},\n" for p in parts[:-1]) + f"        {parts[-1]}\n    )\n}}}}\n\n"

    def render_staging(self, m):
        src = {s.name: s for s in self.sources}
        ctes = []
        parts = []
        for i, (sname, tname) in enumerate(m.sources):
            s = src[sname]
            cte = "source" if len(m.sources) == 1 else f"source_{i + 1}"
            ctes.append(cte)
            parts.append(f"{cte} as (\n\n    select * from {{{{ source('{sname}', '{tname}') }}}}\n\n)")
        cols = []
        for c, _d in m.columns:
            if c == m.pk:
                cols.append(f"id as {c}")
            elif c == "amount":
                cols.append("cast(amount_cents as double) / 100.0 as amount")
            elif c == "status":
                cols.append("lower(trim(status)) as status")
            elif c == "updated_at":
                cols.append(f"cast({'updated' if s.loader == 'stitch' else 'updated_at'} as timestamp) as updated_at")
            elif c.endswith("_id"):
                cols.append(f"{c[:-3]} as {c}" if self.rng.random() < 0.5 else c)
            elif c == "is_active":
                cols.append("coalesce(is_active, false) as is_active")
            else:
                cols.append(c)
        cols.append(f"{src[m.sources[0][0]].loaded_at_field} as _loaded_at")
        sel = ",\n        ".join(cols)
        if len(m.sources) == 1:
            body = f"renamed as (\n\n    select\n        {sel}\n\n    from source\n\n)\n\nselect * from renamed\n"
        else:
            unions = "\n\n    union all\n\n".join(f"    select\n        {sel}\n    from {c}" for c in ctes)
            body = f"unioned as (\n\n{unions}\n\n)\n\nselect * from unioned\n"
        sql = self.config_block(m.sql_config)
        sql += "with " + ",\n\n".join(parts) + ",\n\n" + body
        if m.materialized == "incremental":
            sql = sql.rstrip("\n") + "\n{% if is_incremental() %}\nwhere updated_at > (select max(updated_at) from {{ this }})\n{% endif %}\n"
        return sql

    def render_model(self, m, version=None):
        if m.layer == "staging":
            return self.render_staging(m)
        rng = self.rng
        ctes = []
        aliases = []
        used = set()
        for p in m.parents:
            base = plural(p.entity)
            alias = base
            i = 2
            while alias in used:
                alias = f"{base}_{i}"
                i += 1
            used.add(alias)
            aliases.append((alias, p))
            ctes.append(f"{alias} as (\n\n    select * from {self.ref_expr(m, p)}\n\n)")
        for sn in m.snapshots:
            alias = sn.replace("snap_", "").split("__")[-1] + "_history"
            ctes.append(f"{alias} as (\n\n    select * from {{{{ ref('{sn}') }}}}\n    where dbt_valid_to is null\n\n)")
            aliases.append((alias, None))
        for sd in m.seeds:
            ctes.append(f"{sd} as (\n\n    select * from {{{{ ref('{sd}') }}}}\n\n)")
            aliases.append((sd, None))
        base_alias = aliases[0][0]
        sel = []
        for c, _d in m.columns:
            owner = base_alias
            for col, p in m.fks:
                if col == c:
                    owner = next(a for a, pp in aliases if pp is p)
            if c == "report_key":
                sel.append(f"md5(cast({base_alias}.{m.parents[0].pk} as varchar)) as report_key")
            elif m.kind in ("aggregated", "summarized", "agg") and c == "amount":
                sel.append(f"sum({base_alias}.amount) as amount")
            else:
                sel.append(f"{owner}.{c}")
        if version == 1:
            sel.append(f"{base_alias}.legacy_flag")
        joins = []
        for alias, p in aliases[1:]:
            if p is None:
                joins.append(f"    left join {alias}\n        on {base_alias}.{m.pk if m.pk != 'report_key' else m.parents[0].pk} = {alias}.{m.pk if m.pk != 'report_key' else m.parents[0].pk}")
                continue
            key = p.pk if p.pk != "report_key" else m.parents[0].pk
            jt = "inner join" if rng.random() < 0.3 else "left join"
            joins.append(f"    {jt} {alias}\n        on {base_alias}.{key} = {alias}.{key}")
        select_list = ",\n        ".join(sel)
        final = f"final as (\n\n    select\n        {select_list}\n    from {base_alias}\n" + ("\n".join(joins) + "\n" if joins else "")
        if m.kind in ("aggregated", "summarized", "agg"):
            gb = ", ".join(str(i + 1) for i, c in enumerate(m.columns) if c[0] != "amount")
            final += f"    group by {gb}\n"
        elif m.kind == "deduped":
            final += f"    qualify row_number() over (partition by {base_alias}.{m.pk} order by {base_alias}.updated_at desc) = 1\n"
        elif m.kind == "filtered":
            final += f"    where {base_alias}.updated_at >= '{{{{ var(\"start_date\") }}}}'\n" if rng.random() < 0.2 else f"    where {base_alias}.{m.pk} is not null\n"
        final += "\n)"
        ctes.append(final)
        sql = self.config_block(m.sql_config)
        sql += "with\n\n" + ",\n\n".join(ctes) + "\n\nselect * from final\n"
        if m.materialized == "incremental":
            sql += "\n{% if is_incremental() %}\nwhere updated_at > (select max(updated_at) from {{ this }})\n{% endif %}\n"
        return sql

    def test_entries(self, m):
        by_col = {}
        for t in m.tests:
            by_col.setdefault(t["col"], []).append(t)
        cols = []
        for c, desc in m.columns:
            entry = {"name": c, "description": desc}
            tests = []
            for t in by_col.get(c, []):
                kind = t["test"]
                args = None
                if kind == "accepted_values":
                    args = {"values": self.status_values(m.entity)}
                elif kind == "relationships":
                    p = t["to"]
                    args = {"to": f"ref('{p.name}')", "field": p.pk}
                cfg = {}
                for key in ("severity", "where", "error_if", "warn_if"):
                    if key in t:
                        cfg[key] = t[key]
                if args is None and not cfg:
                    tests.append(kind)
                else:
                    body = {}
                    if args:
                        body["arguments"] = args
                    if cfg:
                        body["config"] = cfg
                    tests.append({kind: body})
            if tests:
                entry["data_tests"] = tests
            cols.append(entry)
        return cols

    def model_yaml_entry(self, m):
        e = {"name": m.name, "description": m.description}
        cfg = dict(m.yaml_config)
        if m.access:
            cfg["access"] = m.access
        if cfg:
            e["config"] = cfg
        if m.versioned:
            e["latest_version"] = 2
            e["columns"] = self.test_entries(m)
            e["versions"] = [
                {"v": 1, "columns": [{"include": "all"}, {"name": "legacy_flag", "description": "Deprecated flag kept for v1 consumers."}],
                 "config": {"deprecation_date": "2025-12-31"}},
                {"v": 2},
            ]
        else:
            e["columns"] = self.test_entries(m)
        return e

    def render(self):
        files = self.files
        rng = self.rng
        # models
        by_dir = {}
        for m in self.models:
            by_dir.setdefault(m.dir, []).append(m)
            if m.versioned:
                files[f"{m.dir}/{m.name}_v1.sql"] = self.render_model(m, version=1)
                files[f"{m.dir}/{m.name}_v2.sql"] = self.render_model(m, version=2)
            else:
                files[f"{m.dir}/{m.name}.sql"] = self.render_model(m)
        src_by_dir = {}
        for s in self.sources:
            src_by_dir.setdefault(f"models/staging/{s.domain}/{s.system}", []).append(s)
        for d, ms in by_dir.items():
            ms = [m for m in ms if m.has_yaml]
            if not ms:
                continue
            tail = d.split("/")
            if tail[1] == "staging":
                fname = f"{d}/_{tail[3]}_{tail[2]}__models.yml"
            else:
                fname = f"{d}/_{tail[1][:3] if tail[1] == 'intermediate' else tail[1]}_{tail[2]}__models.yml"
            doc = {"version": 2, "models": [self.model_yaml_entry(m) for m in ms]}
            uts = [ut for m in ms for ut in m.unit_tests]
            if uts:
                doc["unit_tests"] = uts
            files[fname] = ydump(doc)
        # sources
        source_test_budget = self.n_source_tests
        for d, srcs in src_by_dir.items():
            tail = d.split("/")
            entries = []
            for s in srcs:
                e = {"name": s.name, "description": s.description, "database": "raw",
                     "schema": s.name, "loader": s.loader}
                cfg = {"loaded_at_field": s.loaded_at_field}
                if s.freshness is not None:
                    cfg["freshness"] = s.freshness
                cfg["meta"] = Flow(owner=self.domain_owner[s.domain], system=s.system)
                cfg["tags"] = [s.loader, s.domain]
                e["config"] = cfg
                tables = []
                for t in s.tables:
                    te = {"name": t["name"]}
                    if rng.random() < 0.6:
                        te["description"] = f"Raw {t['name'].replace('_', ' ')} records from {s.system}."
                    if rng.random() < 0.04:
                        te["identifier"] = f"{t['name'].upper()}"
                    tcfg = {}
                    if t["freshness"] != "inherit":
                        tcfg["freshness"] = t["freshness"]
                    if rng.random() < 0.03:
                        tcfg["loaded_at_field"] = "_ingested_at"
                    if s.domain in PII_DOMAINS and rng.random() < 0.2:
                        tcfg["tags"] = ["pii"]
                    if tcfg:
                        te["config"] = tcfg
                    if t["columns"]:
                        cols = [{"name": "id", "description": "Primary key in the source system."}]
                        if source_test_budget > 0 and rng.random() < 0.15:
                            cols[0]["data_tests"] = ["not_null"] + (["unique"] if rng.random() < 0.5 else [])
                            source_test_budget -= len(cols[0]["data_tests"])
                        cols.append({"name": "updated_at", "description": "Last update time in the source system."})
                        cols.append({"name": s.loaded_at_field, "description": f"Load timestamp written by {s.loader}."})
                        te["columns"] = cols
                    tables.append(te)
                e["tables"] = tables
                entries.append(e)
            files[f"{d}/_{tail[3]}_{tail[2]}__sources.yml"] = ydump({"version": 2, "sources": entries})
        # exposures
        exp_by_dom = {}
        for x in self.exposures:
            exp_by_dom.setdefault(x["domain"], []).append(x)
        for d, xs in exp_by_dom.items():
            ents = []
            for x in xs:
                deps = []
                for p in x["deps"]:
                    deps.append(f"ref('{p.name}')")
                ents.append({
                    "name": x["name"], "label": x["label"], "type": x["type"],
                    "maturity": x["maturity"], "url": x["url"],
                    "description": f"{x['label']} used by the {d.replace('_', ' ')} team.",
                    "depends_on": deps, "owner": x["owner"],
                    "config": {"tags": x["tags"], "meta": Flow(domain=d)},
                })
            files[f"models/marts/{d}/_{d}__exposures.yml"] = ydump({"version": 2, "exposures": ents})
        # groups
        if self.groups:
            files["models/_groups.yml"] = ydump({"version": 2, "groups": list(self.groups.values())})
        # seeds
        for sd in self.seeds:
            files[f"seeds/{sd['name']}.csv"] = sd["csv"]
        seed_props = []
        for sd in self.seeds:
            e = {"name": sd["name"], "description": f"Manually maintained {sd['name'].replace('_', ' ')}."}
            if rng.random() < 0.4:
                e["config"] = {"column_types": {sd["key"]: "varchar"}}
            e["columns"] = [{"name": sd["key"], "data_tests": ["unique", "not_null"]}]
            seed_props.append(e)
        files["seeds/_seeds.yml"] = ydump({"version": 2, "seeds": seed_props})
        # snapshots
        yaml_snaps = []
        for sn in self.snapshots:
            if sn["sql"]:
                files[f"snapshots/{sn['name']}.sql"] = (
                    f"{{% snapshot {sn['name']} %}}\n\n"
                    f"{{{{\n    config(\n        unique_key='{sn['entity']}_id',\n        strategy='check',\n"
                    f"        check_cols='all',\n        invalidate_hard_deletes=True\n    )\n}}}}\n\n"
                    f"select\n    id as {sn['entity']}_id,\n    *\nfrom {{{{ source('{sn['source']}', '{sn['table']}') }}}}\n\n"
                    f"{{% endsnapshot %}}\n")
            else:
                yaml_snaps.append({
                    "name": sn["name"],
                    "relation": f"source('{sn['source']}', '{sn['table']}')",
                    "description": f"Type-2 history of {sn['table']} from {sn['source']}.",
                    "config": {"unique_key": "id", "strategy": "timestamp", "updated_at": "updated_at",
                               "hard_deletes": "invalidate"},
                    "columns": [{"name": "id", "data_tests": ["not_null"]}],
                })
        if yaml_snaps:
            files["snapshots/_snapshots.yml"] = ydump({"snapshots": yaml_snaps})
        # singular tests
        for t in self.singular:
            m = t["model"]
            cfg = "{{ config(severity='warn') }}\n\n" if t["severity"] else ""
            ref = f"{{{{ ref('{m.name}') }}}}"
            if t["check"] == "no_orphaned_rows" and t["other"] is not None:
                o = t["other"]
                body = (f"-- every {m.entity.replace('_', ' ')} must come from {o.name}\n"
                        f"select child.{m.pk}\nfrom {ref} as child\n"
                        f"left join {{{{ ref('{o.name}') }}}} as parent\n    on child.{o.pk} = parent.{o.pk}\n"
                        f"where parent.{o.pk} is null\n")
            elif t["check"] == "row_count_matches_upstream" and t["other"] is not None:
                o = t["other"]
                body = (f"with downstream as (select count(*) as n from {ref}),\n"
                        f"upstream as (select count(distinct {o.pk}) as n from {{{{ ref('{o.name}') }}}})\n"
                        f"select * from downstream cross join upstream\nwhere downstream.n < upstream.n * 0.99\n")
            elif t["check"] == "no_duplicate_keys":
                body = f"select {m.pk}, count(*) as n\nfrom {ref}\ngroup by 1\nhaving count(*) > 1\n"
            elif t["check"] == "totals_reconcile":
                body = (f"select sum(amount) as total\nfrom {ref}\n"
                        f"having abs(sum(amount) - (select sum(amount) from {ref} where updated_at < current_date)) > 0.01\n")
            else:
                body = f"select *\nfrom {ref}\n{t['where'] or 'where ' + m.pk + ' is null'}\n"
            files[f"tests/{m.domain}/{t['name']}.sql"] = cfg + body
        # macros
        files["macros/cents_to_dollars.sql"] = (
            "{% macro cents_to_dollars(column_name, scale=2) -%}\n"
            "    round(cast({{ column_name }} as double) / 100, {{ scale }})\n{%- endmacro %}\n")
        files["macros/generate_schema_name.sql"] = (
            "{% macro generate_schema_name(custom_schema_name, node) -%}\n"
            "    {%- set default_schema = target.schema -%}\n"
            "    {%- if custom_schema_name is none -%}\n        {{ default_schema }}\n"
            "    {%- else -%}\n        {{ default_schema }}_{{ custom_schema_name | trim }}\n"
            "    {%- endif -%}\n{%- endmacro %}\n")
        files["macros/test_is_recent.sql"] = (
            "{% test is_recent(model, column_name, max_age_hours=24) %}\n"
            "select max({{ column_name }}) as latest\nfrom {{ model }}\n"
            "having max({{ column_name }}) < current_timestamp - interval '{{ max_age_hours }} hours'\n"
            "{% endtest %}\n")
        files["dbt_project.yml"] = self.render_project()
        files["selectors.yml"] = self.render_selectors()
        files["profiles.yml"] = ydump({PROJECT_NAME: {"target": "dev", "outputs": {
            "dev": {"type": "duckdb", "path": "target/acme_analytics.duckdb", "schema": "analytics", "threads": 8},
            "ci": {"type": "duckdb", "path": "target/acme_analytics_ci.duckdb", "schema": "ci", "threads": 4},
        }}})
        files["README.md"] = (
            f"# {PROJECT_NAME} (synthetic)\n\nGenerated by dbt-rescue scripts/gen-large-project "
            f"(generator v{GENERATOR_VERSION}, --models {self.n} --seed {self.seed}).\n"
            "Do not edit: regenerate instead.\n")
        files["packages.yml"] = "packages: []\n"

    def render_project(self):
        rng = Random(self.seed * 31 + 7)
        proj = {
            "name": PROJECT_NAME,
            "version": "1.0.0",
            "config-version": 2,
            "profile": PROJECT_NAME,
            "require-dbt-version": [">=1.10.0", "<2.0.0"],
            "model-paths": ["models"],
            "seed-paths": ["seeds"],
            "test-paths": ["tests"],
            "snapshot-paths": ["snapshots"],
            "macro-paths": ["macros"],
            "analysis-paths": ["analyses"],
            "target-path": "target",
            "clean-targets": ["target", "dbt_packages"],
            "flags": {"send_anonymous_usage_stats": False},
            "vars": {"start_date": "2019-01-01", "fiscal_year_start_month": 2},
        }
        models = {"+materialized": "view", "+meta": Flow(owner="analytics-platform@acme.io")}
        layers = {}
        for layer, mat, tags in (("staging", "view", ["staging"]), ("intermediate", "view", ["intermediate"]),
                                 ("marts", "table", ["marts"])):
            node = {"+materialized": mat, "+schema": layer, "+tags": tags}
            for d in self.domains:
                dtags = [d, self.cadence(d)]
                if d in FINANCE_DOMAINS and d != "finance":
                    dtags.append("finance")
                if d in PII_DOMAINS and layer == "staging":
                    dtags.append("pii")
                dn = {"+tags": dtags, "+meta": Flow(owner=self.domain_owner[d], domain=d)}
                if layer != "staging" and d in self.groups:
                    dn["+group"] = d
                if layer == "marts" and rng.random() < 0.2:
                    dn["+persist_docs"] = Flow(relation=True, columns=True)
                node[d] = dn
            layers[layer] = node
        models.update(layers)
        proj["models"] = {PROJECT_NAME: models}
        proj["seeds"] = {PROJECT_NAME: {"+schema": "seeds", "+quote_columns": False, "+tags": ["seed", "daily"]}}
        proj["snapshots"] = {PROJECT_NAME: {"+schema": "snapshots", "+tags": ["snapshot", "daily"]}}
        proj["data_tests"] = {PROJECT_NAME: {"+severity": "error", "+tags": ["data_test"]}}
        proj["sources"] = {PROJECT_NAME: {"+tags": ["raw"]}}
        return ydump(proj)

    def render_selectors(self):
        fin = [d for d in self.domains if d in FINANCE_DOMAINS][:3] or self.domains[:1]
        sels = [
            {"name": "hourly_refresh", "description": "Everything tagged hourly, without ephemeral models.",
             "definition": {"union": [{"method": "tag", "value": "hourly"},
                                      {"exclude": [{"method": "config.materialized", "value": "ephemeral"}]}]}},
            {"name": "nightly_build", "description": "Daily and weekly models with their tests.",
             "definition": {"union": [{"method": "tag", "value": "daily"}, {"method": "tag", "value": "weekly"}]}},
            {"name": "finance_critical", "description": "Finance marts and everything upstream.",
             "definition": {"union": [{"method": "path", "value": f"models/marts/{d}", "parents": True} for d in fin]}},
            {"name": "pii_models", "description": "Models that carry personal data.",
             "definition": {"method": "tag", "value": "pii"}},
            {"name": "staging_only", "description": "Only staging models.",
             "definition": {"method": "path", "value": "models/staging"}},
            {"name": "incremental_models", "description": "All incremental models (for --full-refresh runs).",
             "definition": {"method": "config.materialized", "value": "incremental"}},
            {"name": "marts_and_exposures", "description": "Marts and their downstream exposures.",
             "definition": {"union": [{"method": "path", "value": "models/marts"},
                                      {"method": "resource_type", "value": "exposure"}]}},
            {"name": "source_freshness_critical", "description": "Sources and their direct children for hourly domains.",
             "definition": {"intersection": [{"method": "source", "value": "*", "children": True, "children_depth": 1},
                                             {"method": "tag", "value": "hourly"}]}},
            {"name": "weekly_refresh", "description": "Weekly domains minus deprecated models.",
             "definition": {"union": [{"method": "tag", "value": "weekly"},
                                      {"exclude": [{"method": "tag", "value": "deprecated"}]}]}},
            {"name": "ci_slim", "description": "Modified nodes and their children (state comparison).",
             "definition": {"method": "state", "value": "modified", "children": True}},
            {"name": "unit_tests", "description": "Unit tests only.",
             "definition": {"method": "resource_type", "value": "unit_test"}},
        ]
        return ydump({"selectors": sels})

    def generate(self):
        self.gen_sources()
        self.gen_seeds()
        self.gen_snapshots()
        self.gen_staging()
        self.choose_hubs()
        self.gen_intermediate()
        self.gen_marts()
        self.finish_models()
        self.gen_generic_tests()
        self.gen_unit_tests()
        self.gen_singular_tests()
        self.gen_exposures()
        self.assign_groups()
        self.render()
        return self.files


# --------------------------------------------------------------------------------------------
# Synthetic run_results.json / sources.json from the real manifest
# --------------------------------------------------------------------------------------------

def deps_of(node):
    return (node.get("depends_on") or {}).get("nodes") or []


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def lognorm(rng, median, sigma, lo, hi):
    import math
    return max(lo, min(hi, median * math.exp(rng.gauss(0, sigma))))


def model_error_message(rng, node):
    name = node["name"]
    path = node["original_file_path"]
    cols = [c for c in node.get("columns", {})] or ["id", "updated_at"]
    pk = cols[0]
    col = rng.choice(cols)
    kind = rng.random()
    if kind < 0.35:
        bad = col[:-3] + "_key" if col.endswith("_id") else col + "_ts"
        other = next((c for c in cols if c != col), "id")
        line = f"LINE {rng.randint(8, 40)}:         {bad},"
        caret = " " * (len(line) - len(bad) - 1) + "^"
        detail = (f"Binder Error: Referenced column \"{bad}\" not found in FROM clause!\n"
                  f"  Candidate bindings: \"{col}\", \"{other}\"\n"
                  f"  {line}\n  {caret}")
    elif kind < 0.55:
        dep = rng.choice(deps_of(node) or ["model.x.unknown"]).split(".")[-1]
        detail = (f"Catalog Error: Table with name {dep} does not exist!\n"
                  f"  Did you mean \"{dep}_old\"?")
    elif kind < 0.70:
        detail = "Conversion Error: Could not convert string 'N/A' to INT64"
    elif kind < 0.80:
        detail = (f"Constraint Error: Duplicate key \"{pk}: {rng.randint(1000, 999999)}\" "
                  "violates primary key constraint.")
    elif kind < 0.90:
        detail = ("Out of Memory Error: could not allocate block of size 256.0 KiB "
                  "(12.4 GiB/12.4 GiB used)")
    else:
        detail = "Parser Error: syntax error at or near \")\""
    return f"Database Error in model {name} ({path})\n  {detail}"


def build_artifacts(project_dir, seed, threads=8):
    rng = Random(seed * 1000003 + 17)
    with open(os.path.join(project_dir, "target", "manifest.json"), encoding="utf-8") as f:
        man = json.load(f)
    nodes = man["nodes"]
    unit_tests = man.get("unit_tests", {})
    inv = str(uuid.UUID(int=rng.getrandbits(128), version=4))

    exec_ids = []  # executable in `dbt build`
    ephemeral = set()
    for uid, n in nodes.items():
        rt = n["resource_type"]
        if rt == "model" and n["config"].get("materialized") == "ephemeral":
            ephemeral.add(uid)
        elif rt in ("model", "seed", "snapshot", "test"):
            exec_ids.append(uid)
    exec_ids.extend(unit_tests.keys())
    exec_ids.sort()  # independent of dbt's dict order, so the output only depends on the seed
    allnodes = dict(nodes)
    allnodes.update(unit_tests)
    allnodes.update(man["sources"])

    # graph over models/seeds/snapshots/tests/unit tests, with ephemeral models and sources as
    # pass-through nodes (never in run_results, but a failing source test skips its children)
    passthrough = ephemeral | set(man["sources"])
    graph_ids = exec_ids + sorted(passthrough)
    gset = set(graph_ids)
    parents = {u: [p for p in deps_of(allnodes[u]) if p in gset and p != u] for u in graph_ids}
    # in `dbt build` a unit test runs before its model: model depends on its unit tests
    for uid, ut in sorted(unit_tests.items()):
        tested = deps_of(ut)
        model_uid = None
        for p in tested:
            if p in nodes and nodes[p]["name"] == ut["model"].split(".")[-1]:
                model_uid = p
        if model_uid is None:
            cand = [p for p in tested if p in nodes and p.split(".")[2] == ut["model"]]
            model_uid = cand[0] if cand else None
        if model_uid is not None:
            parents[uid] = [p for p in deps_of(nodes[model_uid]) if p in gset]
            parents[model_uid] = parents[model_uid] + [uid]
    children = {u: [] for u in graph_ids}
    for u, ps in parents.items():
        for p in ps:
            children[p].append(u)

    # topological order
    indeg = {u: len(parents[u]) for u in graph_ids}
    order = [u for u in graph_ids if indeg[u] == 0]
    i = 0
    while i < len(order):
        u = order[i]
        i += 1
        for c in children[u]:
            indeg[c] -= 1
            if indeg[c] == 0:
                order.append(c)
    if len(order) != len(graph_ids):
        raise SystemExit("cycle in manifest graph?")

    # descendant counts among non-test nodes (bitsets)
    nontest = [u for u in order if allnodes[u]["resource_type"] in ("model", "seed", "snapshot", "source")]
    bit = {u: 1 << k for k, u in enumerate(nontest)}
    desc = {}
    for u in reversed(nontest):
        acc = 0
        for c in children[u]:
            if c in bit:
                acc |= bit[c] | desc[c]
        desc[u] = acc
    ndesc = {u: bin(desc[u]).count("1") for u in nontest}

    status = {}
    message = {}
    failures = {}
    # model errors: ~0.5%, avoid the giant hubs (an incident, not an outage)
    models = [u for u in exec_ids if nodes.get(u, {}).get("resource_type") == "model"]
    n_err = max(1, round(len(models) * 0.005))
    small_lim = max(3, round(len(models) * 0.001))
    big_lim = max(10, round(len(models) * 0.01))
    small = [u for u in models if ndesc[u] <= small_lim]
    big = [u for u in models if small_lim < ndesc[u] <= big_lim]
    rng.shuffle(small)
    rng.shuffle(big)
    n_big = min(len(big), max(1, round(n_err * 0.05)))
    for u in big[:n_big] + small[: n_err - n_big]:
        status[u] = "error"
        message[u] = model_error_message(rng, nodes[u])
    # tests: ~1% fail (severity error), warns for a share of severity:warn tests, a few errors
    tests = [u for u in exec_ids if u.startswith("test.")]
    fail_quota = max(1, round(len(tests) * 0.01))
    rng.shuffle(tests)
    for u in tests:
        n = nodes[u]
        sev = str(n["config"].get("severity", "error")).lower()
        attached = n.get("attached_node") or (deps_of(n) or [None])[0]
        small = attached is None or ndesc.get(attached, 0) <= max(2, len(models) // 3000)
        medium = attached is None or ndesc.get(attached, 0) <= max(10, len(models) // 300)
        r = rng.random()
        if sev == "warn":
            if r < 0.35:
                k = rng.choice([1, 1, 2, 3, 5, 8, 13, 40, 120, 2048])
                status[u] = "warn"
                failures[u] = k
                message[u] = f"Got {k} result{'s' if k != 1 else ''}, configured to warn if != 0"
        elif fail_quota > 0 and r < 0.018 and (small or (medium and rng.random() < 0.1)):
            k = rng.choice([1, 1, 2, 3, 4, 7, 12, 31, 150, 1873])
            status[u] = "fail"
            failures[u] = k
            message[u] = f"Got {k} result{'s' if k != 1 else ''}, configured to fail if != 0"
            fail_quota -= 1
        elif r > 0.9993 and small:
            status[u] = "error"
            message[u] = (f"Database Error in test {n['name']} ({n['original_file_path']})\n"
                          f"  Binder Error: Referenced column \"{n.get('column_name') or 'id'}\" not found in FROM clause!")
    uts = sorted(unit_tests.keys())
    rng.shuffle(uts)
    uts = [u for u in uts if all(ndesc.get(p, 0) <= small_lim for p in deps_of(unit_tests[u]))]
    for u in uts[: max(1, len(unit_tests) // 50)]:
        ut = unit_tests[u]
        status[u] = "fail"
        failures[u] = 1
        message[u] = ("\n\nactual differs from expected:\n\n@@ ,id   ,updated_at\n"
                      "→  ,1→2 ,2024-01-15 10:00:00\n")

    # propagate skips: a node whose parent errored/failed/skipped is skipped; a failing data
    # test skips the children of the node it tests (dbt build semantics)
    failed_test_targets = {}
    for u, st in status.items():
        if st in ("fail", "error") and u.startswith("test."):
            n = nodes[u]
            att = n.get("attached_node") or (deps_of(n) or [None])[0]
            if att:
                failed_test_targets.setdefault(att, []).append(u)
    for u in order:
        bad = False
        for p in parents[u]:
            ps = status.get(p)
            if ps in ("error", "skipped") or (ps == "fail" and p.startswith("unit_test.")):
                bad = True
                break
            if not u.startswith("test.") and p in failed_test_targets:
                bad = True
                break
        if bad:
            status[u] = "skipped"
            message.pop(u, None)
            failures.pop(u, None)

    # scheduling simulation
    dur = {}
    for u in graph_ids:
        if u in passthrough:
            dur[u] = 0.0
            continue
        n = allnodes[u]
        rt = n["resource_type"]
        if status.get(u) == "skipped":
            dur[u] = 0.0
        elif rt == "model":
            mat = n["config"].get("materialized")
            if mat == "view":
                dur[u] = lognorm(rng, 0.12, 0.5, 0.03, 3)
            elif mat == "incremental":
                dur[u] = lognorm(rng, 6.0, 1.1, 0.3, 900)
            else:
                dur[u] = lognorm(rng, 2.5, 1.2, 0.1, 1200)
            if status.get(u) == "error":
                dur[u] = min(dur[u], lognorm(rng, 0.4, 0.8, 0.02, 60))
        elif rt == "seed":
            dur[u] = lognorm(rng, 0.6, 0.5, 0.1, 10)
        elif rt == "snapshot":
            dur[u] = lognorm(rng, 8.0, 0.8, 0.5, 300)
        elif rt == "unit_test":
            dur[u] = lognorm(rng, 0.25, 0.4, 0.05, 3)
        else:
            dur[u] = lognorm(rng, 0.35, 0.9, 0.02, 120)
    start0 = RUN_STARTED_AT + dt.timedelta(seconds=2.7)
    ready = {u: 0.0 for u in graph_ids}
    indeg = {u: len(parents[u]) for u in graph_ids}
    heap = [(0.0, k, u) for k, u in enumerate(graph_ids) if indeg[u] == 0]
    heapq.heapify(heap)
    thread_heap = [(0.0, t) for t in range(1, threads + 1)]
    sched = {}
    seq = len(graph_ids)
    while heap:
        r, _, u = heapq.heappop(heap)
        if u in passthrough:
            end = r
        else:
            free, th = heapq.heappop(thread_heap)
            start = max(r, free)
            end = start + dur[u] + (0.0 if status.get(u) == "skipped" else 0.004)
            sched[u] = (start, end, th)
            heapq.heappush(thread_heap, (end, th))
        for c in children[u]:
            indeg[c] -= 1
            ready[c] = max(ready[c], end)
            if indeg[c] == 0:
                seq += 1
                heapq.heappush(heap, (ready[c], seq, c))

    results = []
    for u, (s, e, th) in sorted(sched.items(), key=lambda kv: (kv[1][1], kv[0])):
        n = allnodes[u]
        rt = n["resource_type"]
        st = status.get(u)
        if st is None:
            st = "success" if rt in ("model", "seed", "snapshot") else "pass"
        t_start = start0 + dt.timedelta(seconds=s)
        t_end = start0 + dt.timedelta(seconds=e)
        compile_end = t_start + dt.timedelta(seconds=min(0.003 + (e - s) * 0.02, 0.2))
        if st == "skipped":
            timing = []
            exec_time = 0.0
            adapter = {}
            msg = None
            fails = None
        else:
            timing = [{"name": "compile", "started_at": ts(t_start), "completed_at": ts(compile_end)},
                      {"name": "execute", "started_at": ts(compile_end), "completed_at": ts(t_end)}]
            exec_time = round(e - s + 0.0021, 6)
            if st == "error":
                adapter = {}
                msg = message[u]
                fails = None
            elif rt == "seed":
                rows = rng.randint(5, 120)
                adapter = {"_message": "OK"}
                msg = f"INSERT {rows}"
                fails = None
            elif rt in ("model", "snapshot"):
                adapter = {"_message": "OK"}
                msg = "OK"
                fails = None
            else:
                adapter = {"_message": "OK"}
                msg = message.get(u)
                fails = failures.get(u, 0)
        compiled = rt in ("model", "test", "snapshot", "unit_test")  # seeds are not CompiledResource
        results.append({
            "status": st,
            "timing": timing,
            "thread_id": f"Thread-{th} (worker)",
            "execution_time": exec_time,
            "adapter_response": adapter,
            "message": msg,
            "failures": fails,
            "unique_id": u,
            "compiled": (st not in ("skipped",)) if compiled else None,
            "compiled_code": None,
            "relation_name": n.get("relation_name") if rt in ("model", "test", "snapshot") else None,
            "batch_results": None,
            "overload_results": None,
        })
    end_rel = max((e for _s, e, _t in sched.values()), default=0.0)
    elapsed = round(end_rel + 5.3, 6)
    generated = start0 + dt.timedelta(seconds=end_rel + 1.1)
    abs_dir = os.path.abspath(project_dir)
    run_results = {
        "metadata": {
            "dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
            "dbt_version": DBT_VERSION,
            "generated_at": ts(generated),
            "invocation_id": inv,
            "invocation_started_at": ts(RUN_STARTED_AT),
            "env": {},
        },
        "results": results,
        "elapsed_time": elapsed,
        "args": {
            "which": "build",
            "invocation_command": "dbt build --target dev",
            "vars": {},
            "target": "dev",
            "threads": threads,
            "select": [],
            "exclude": [],
            "resource_types": [],
            "exclude_resource_types": [],
            "indirect_selection": "eager",
            "full_refresh": False,
            "fail_fast": False,
            "empty": False,
            "defer": False,
            "favor_state": False,
            "store_failures": False,
            "project_dir": abs_dir,
            "profiles_dir": abs_dir,
            "log_path": os.path.join(abs_dir, "logs"),
            "log_format": "default",
            "log_format_file": "debug",
            "log_level": "info",
            "log_level_file": "debug",
            "use_colors": True,
            "use_colors_file": True,
            "printer_width": 80,
            "quiet": False,
            "print": True,
            "partial_parse": True,
            "partial_parse_file_diff": True,
            "static_parser": True,
            "introspect": True,
            "populate_cache": True,
            "cache_selected_only": False,
            "write_json": True,
            "version_check": True,
            "send_anonymous_usage_stats": False,
            "macro_debugging": False,
            "show_resource_report": False,
            "warn_error_options": {"error": [], "warn": [], "silence": []},
            "strict_mode": False,
        },
    }
    with open(os.path.join(project_dir, "target", "run_results.json"), "w", encoding="utf-8") as f:
        json.dump(run_results, f, indent=2)
        f.write("\n")

    # sources.json (dbt source freshness)
    srcs = man["sources"]
    fres = []
    snap_base = RUN_STARTED_AT - dt.timedelta(minutes=18)
    sthreads = [(0.0, t) for t in range(1, threads + 1)]
    for uid in sorted(srcs):
        s = srcs[uid]
        fr = s.get("freshness")
        if not fr:
            continue
        warn = fr.get("warn_after") or {}
        err = fr.get("error_after") or {}
        wsec = (warn.get("count") or 0) * SECONDS.get(warn.get("period") or "", 0)
        esec = (err.get("count") or 0) * SECONDS.get(err.get("period") or "", 0)
        if not wsec and not esec:
            continue
        r = rng.random()
        if r < 0.03 and esec:
            age = esec * rng.uniform(1.05, 6.0)
            st = "error"
        elif r < 0.08 and wsec:
            hi = esec if esec and esec > wsec else wsec * 3
            age = rng.uniform(wsec * 1.02, hi * 0.98)
            st = "warn"
        else:
            lim = min(x for x in (wsec, esec) if x)
            age = rng.uniform(0.02, 0.9) * lim
            st = "pass"
        if st == "warn" and esec and age > esec:
            st = "error"
        free, th = heapq.heappop(sthreads)
        d = lognorm(rng, 0.25, 0.6, 0.03, 20)
        t0 = snap_base + dt.timedelta(seconds=free + 1.5)
        t1 = t0 + dt.timedelta(seconds=d)
        heapq.heappush(sthreads, (free + d, th))
        snapped = t1
        fres.append({
            "unique_id": uid,
            "max_loaded_at": ts(snapped - dt.timedelta(seconds=age)).replace("Z", "+00:00"),
            "snapshotted_at": ts(snapped).replace("Z", "+00:00"),
            "max_loaded_at_time_ago_in_s": round(age, 6),
            "status": st,
            "criteria": {"warn_after": {"count": warn.get("count"), "period": warn.get("period")},
                         "error_after": {"count": err.get("count"), "period": err.get("period")},
                         "filter": fr.get("filter")},
            "adapter_response": {"_message": "OK"},
            "timing": [{"name": "compile", "started_at": ts(t0), "completed_at": ts(t0)},
                       {"name": "execute", "started_at": ts(t0), "completed_at": ts(t1)}],
            "thread_id": f"Thread-{th} (worker)",
            "execution_time": round(d, 6),
        })
    s_elapsed = max((f for f, _t in sthreads), default=0.0) + 3.2
    sources_json = {
        "metadata": {
            "dbt_schema_version": "https://schemas.getdbt.com/dbt/sources/v3.json",
            "dbt_version": DBT_VERSION,
            "generated_at": ts(snap_base + dt.timedelta(seconds=s_elapsed)),
            "invocation_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "invocation_started_at": ts(snap_base),
            "env": {},
        },
        "results": fres,
        "elapsed_time": round(s_elapsed, 6),
    }
    with open(os.path.join(project_dir, "target", "sources.json"), "w", encoding="utf-8") as f:
        json.dump(sources_json, f, indent=2)
        f.write("\n")

    # ---- stats ----
    counts = {}
    for n in nodes.values():
        counts[n["resource_type"]] = counts.get(n["resource_type"], 0) + 1
    edges_all = sum(len(v) for v in man["parent_map"].values())
    dag_types = {"model", "seed", "snapshot"}
    dag_nodes = [u for u in nodes if nodes[u]["resource_type"] in dag_types]
    dag_model_edges = 0
    for u in dag_nodes:
        dag_model_edges += sum(1 for p in deps_of(nodes[u]) if p in nodes or p in srcs)
    # longest path (in nodes) over sources+models+seeds+snapshots
    depth = {}
    for u in sorted(srcs):
        depth[u] = 1
    pm = man["parent_map"]
    topo = []
    indeg2 = {}
    ch2 = {}
    for u in dag_nodes:
        ps = [p for p in pm.get(u, []) if p in srcs or (p in nodes and nodes[p]["resource_type"] in dag_types)]
        indeg2[u] = len(ps)
        for p in ps:
            ch2.setdefault(p, []).append(u)
    q = [u for u in srcs] + [u for u in dag_nodes if indeg2[u] == 0]
    for u in dag_nodes:
        depth.setdefault(u, 1)
    k = 0
    while k < len(q):
        u = q[k]
        k += 1
        for c in ch2.get(u, []):
            depth[c] = max(depth[c], depth[u] + 1)
            indeg2[c] -= 1
            if indeg2[c] == 0:
                q.append(c)
    longest = max(depth.values()) if depth else 0
    exp_depth = longest
    for x in man.get("exposures", {}).values():
        ds = [depth[p] for p in deps_of(x) if p in depth]
        if ds:
            exp_depth = max(exp_depth, max(ds) + 1)
    fanout = {}
    for u, cs in man["child_map"].items():
        if u in nodes and nodes[u]["resource_type"] == "model":
            fanout[u] = sum(1 for c in cs if c in nodes and nodes[c]["resource_type"] == "model")
    top_fan = sorted(fanout.items(), key=lambda kv: -kv[1])[:5]
    rr_status = {}
    for r in results:
        key = f"{allnodes[r['unique_id']]['resource_type']}:{r['status']}"
        rr_status[key] = rr_status.get(key, 0) + 1
    sf_status = {}
    for r in fres:
        sf_status[r["status"]] = sf_status.get(r["status"], 0) + 1
    mats = {}
    for n in nodes.values():
        if n["resource_type"] == "model":
            m = n["config"].get("materialized")
            mats[m] = mats.get(m, 0) + 1
    stats = {
        "nodes_by_resource_type": dict(sorted(counts.items())),
        "materializations": dict(sorted(mats.items())),
        "sources": len(srcs),
        "source_groups": len({s["source_name"] for s in srcs.values()}),
        "exposures": len(man.get("exposures", {})),
        "unit_tests": len(unit_tests),
        "groups": len(man.get("groups", {})),
        "selectors": len(man.get("selectors", {})),
        "parent_map_edges": edges_all,
        "dag_edges_models_seeds_snapshots": dag_model_edges,
        "longest_path_nodes_sources_to_models": longest,
        "longest_path_nodes_incl_exposures": exp_depth,
        "top_model_fanout": [[u, c] for u, c in top_fan],
        "run_results": rr_status,
        "run_results_count": len(results),
        "sources_json": sf_status,
        "sources_json_count": len(fres),
    }
    return stats


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------

def log(msg):
    print(f"gen-large-project: {msg}", file=sys.stderr, flush=True)


def find_dbt(repo_root):
    env = os.environ.get("DBT_RESCUE_DBT")
    if env:
        return env
    helper = os.path.join(repo_root, "scripts", "dbt-venv")
    out = subprocess.run([helper], check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    return out.splitlines()[-1]


def human_mb(path):
    return os.path.getsize(path) / (1024 * 1024)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="gen-large-project", description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", type=int, default=15000, help="number of models (default 15000)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--out", help="output directory (default: "
                                  "${DBT_RESCUE_CACHE:-~/.cache/dbt-rescue}/large-project-N<N>-s<S>)")
    ap.add_argument("--force", action="store_true", help="regenerate even if a matching project exists")
    ap.add_argument("--threads", type=int, default=8, help="threads of the simulated dbt build (default 8)")
    ap.add_argument("--artifacts-only", action="store_true",
                    help="only rewrite run_results.json/sources.json from the existing manifest.json")
    args = ap.parse_args(argv)
    if args.models < 20:
        ap.error("--models must be at least 20")

    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cache = os.environ.get("DBT_RESCUE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "dbt-rescue")
    out = os.path.abspath(args.out or os.path.join(cache, f"large-project-N{args.models}-s{args.seed}"))
    params = {"generator_version": GENERATOR_VERSION, "models": args.models, "seed": args.seed,
              "threads": args.threads}
    stamp_path = os.path.join(out, STAMP_FILE)
    target = os.path.join(out, "target")
    needed = [os.path.join(target, f) for f in ("manifest.json", "run_results.json", "sources.json")]

    if args.artifacts_only:
        return artifacts_only(out, stamp_path, params, args)

    if not args.force and os.path.isfile(stamp_path) and all(os.path.isfile(p) for p in needed):
        try:
            with open(stamp_path, encoding="utf-8") as f:
                stamp = json.load(f)
        except (OSError, ValueError):
            stamp = {}
        if stamp.get("params") == params:
            log(f"reusing {out} (same generator version and parameters; --force regenerates)")
            print_summary(stamp, out)
            print(out)
            return 0

    if os.path.exists(out):
        if not os.path.isdir(out):
            sys.exit(f"gen-large-project: {out} exists and is not a directory")
        owned = os.path.isfile(os.path.join(out, OWNER_MARK))
        if os.listdir(out) and not owned:
            sys.exit(f"gen-large-project: {out} is not empty and was not made by this script; refusing to touch it")
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, OWNER_MARK), "w", encoding="utf-8") as f:
        f.write("created by dbt-rescue scripts/gen-large-project; safe to delete\n")

    t0 = time.monotonic()
    gen = Generator(args.models, args.seed)
    files = gen.generate()
    for rel, content in files.items():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
    gen_secs = time.monotonic() - t0
    log(f"wrote {len(files)} files to {out} in {gen_secs:.1f}s")

    dbt = find_dbt(repo_root)
    env = dict(os.environ)
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    env["DBT_VERSION_CHECK"] = "false"
    env.pop("DBT_PROFILES_DIR", None)
    env.pop("DBT_PROJECT_DIR", None)
    env.pop("DBT_TARGET_PATH", None)
    cmd = [dbt, "parse", "--no-partial-parse",
           "--project-dir", out, "--profiles-dir", out]
    log("running " + " ".join(cmd))
    parse_log = os.path.join(out, "logs", "parse-stdout.log")
    os.makedirs(os.path.dirname(parse_log), exist_ok=True)
    t1 = time.monotonic()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(parse_log, "w", encoding="utf-8") as lf:
        proc = subprocess.run(cmd, cwd=out, env=env, stdout=lf, stderr=subprocess.STDOUT)
    parse_secs = time.monotonic() - t1
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    parse_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    if proc.returncode != 0 or not os.path.isfile(os.path.join(target, "manifest.json")):
        with open(parse_log, encoding="utf-8", errors="replace") as lf:
            tail = lf.read()[-6000:]
        sys.stderr.write(tail)
        sys.exit(f"gen-large-project: dbt parse failed (exit {proc.returncode}); full output in {parse_log}")
    log(f"dbt parse took {parse_secs:.1f}s wall, {parse_cpu:.1f}s CPU")

    t2 = time.monotonic()
    stats = build_artifacts(out, args.seed, threads=args.threads)
    art_secs = time.monotonic() - t2
    perf = {}
    try:
        with open(os.path.join(target, "perf_info.json"), encoding="utf-8") as f:
            pi = json.load(f)
        perf = {k: pi.get(k) for k in ("path_count", "static_analysis_path_count",
                                        "static_analysis_parsed_path_count", "is_partial_parse_enabled")}
    except (OSError, ValueError):
        pass
    stamp = {
        "params": params,
        "dbt": DBT_VERSION,
        "timings_s": {"generate": round(gen_secs, 2), "dbt_parse": round(parse_secs, 2),
                      "dbt_parse_cpu": round(parse_cpu, 2),
                      "artifacts": round(art_secs, 2)},
        "sizes_mb": {name: round(human_mb(os.path.join(target, name)), 2)
                     for name in ("manifest.json", "run_results.json", "sources.json")},
        "files_written": len(files),
        "perf_info": perf,
        "stats": stats,
    }
    with open(stamp_path, "w", encoding="utf-8") as f:
        json.dump(stamp, f, indent=2)
        f.write("\n")
    print_summary(stamp, out)
    print(out)
    return 0


def artifacts_only(out, stamp_path, params, args):
    try:
        with open(stamp_path, encoding="utf-8") as f:
            stamp = json.load(f)
    except (OSError, ValueError):
        sys.exit(f"gen-large-project: no stamp in {out}; run without --artifacts-only first")
    old = dict(stamp.get("params", {}))
    if {k: v for k, v in old.items() if k != "threads"} != {k: v for k, v in params.items() if k != "threads"}:
        sys.exit(f"gen-large-project: {out} was generated with other parameters ({old}); run without --artifacts-only")
    target = os.path.join(out, "target")
    t2 = time.monotonic()
    stamp["stats"] = build_artifacts(out, args.seed, threads=args.threads)
    stamp["params"] = params
    stamp.setdefault("timings_s", {})["artifacts"] = round(time.monotonic() - t2, 2)
    stamp["sizes_mb"] = {name: round(human_mb(os.path.join(target, name)), 2)
                         for name in ("manifest.json", "run_results.json", "sources.json")}
    with open(stamp_path, "w", encoding="utf-8") as f:
        json.dump(stamp, f, indent=2)
        f.write("\n")
    print_summary(stamp, out)
    print(out)
    return 0


def print_summary(stamp, out):
    s = stamp.get("stats", {})
    t = stamp.get("timings_s", {})
    z = stamp.get("sizes_mb", {})
    p = stamp.get("params", {})
    print(f"project: --models {p.get('models')} --seed {p.get('seed')} (generator v{p.get('generator_version')})")
    print(f"dbt parse --no-partial-parse: {t.get('dbt_parse')}s wall, {t.get('dbt_parse_cpu')}s CPU (generate {t.get('generate')}s, artifacts {t.get('artifacts')}s)")
    print("nodes: " + ", ".join(f"{k}={v}" for k, v in s.get("nodes_by_resource_type", {}).items()))
    print("materializations: " + ", ".join(f"{k}={v}" for k, v in s.get("materializations", {}).items()))
    print(f"sources: {s.get('sources')} tables in {s.get('source_groups')} sources; exposures: {s.get('exposures')}; "
          f"unit_tests: {s.get('unit_tests')}; groups: {s.get('groups')}; selectors: {s.get('selectors')}")
    print(f"edges: parent_map={s.get('parent_map_edges')}, dag(models/seeds/snapshots<-parents)={s.get('dag_edges_models_seeds_snapshots')}")
    print(f"longest path (nodes, source..model): {s.get('longest_path_nodes_sources_to_models')}; "
          f"incl. exposures: {s.get('longest_path_nodes_incl_exposures')}")
    print("top model fan-out: " + ", ".join(f"{u.split('.')[-1]}={c}" for u, c in s.get("top_model_fanout", [])))
    print("run_results: " + ", ".join(f"{k}={v}" for k, v in sorted(s.get("run_results", {}).items()))
          + f" (total {s.get('run_results_count')})")
    print("sources.json: " + ", ".join(f"{k}={v}" for k, v in sorted(s.get("sources_json", {}).items()))
          + f" (total {s.get('sources_json_count')})")
    print("sizes MB: " + ", ".join(f"{k}={v}" for k, v in z.items()))
    pi = stamp.get("perf_info") or {}
    if pi:
        print("perf_info: " + ", ".join(f"{k}={v}" for k, v in pi.items()))


if __name__ == "__main__":
    sys.exit(main())
