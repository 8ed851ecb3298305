# SPDX-License-Identifier: Apache-2.0
"""Selector conformance corpus: `dbt ls` cases whose expected output comes from the REAL pinned dbt.

Run through scripts/gen-selector-goldens (it picks the pinned venv's python and cleans the
environment). Writes graph/src/test/resources/conformance/:

  cases.jsonl    one case per line: {"id", "project", "args", "note"}; `args` are exactly the
                 arguments after `ls` (the harness adds --project-dir/--profiles-dir and, for the
                 "state" and "result" projects, --state <dir>)
  golden.jsonl   one line per case, same order: {"id", "exit", "lines", "warnings", "error"}
  projects.json  how each project and its --state directory are built (for the Java harness)
  README.md      how it was generated, versions, counts

How the output is captured (in ONE Python process, dbt's programmatic entry point):

  parsed = dbtRunner().invoke(["parse", "--no-partial-parse", ...])      once per project
  runner = dbtRunner(manifest=parsed.result, callbacks=[collect])
  res    = runner.invoke(["ls", "--quiet", *case_args, "--project-dir", P, "--profiles-dir", P,
                          ("--state", S)])

  lines    = msg of every PrintEvent fired during the invocation (what `dbt -q ls` prints on
             stdout, one event per line); checked equal to res.result
  warnings = msg of every warn-level event fired during the invocation (NoNodesForSelectionCriteria,
             NoNodesSelected, deprecations, ...), with dbt's leading "[WARNING]: " tag removed
  exit     = 0 when res.success, else 2 (dbt's exit code for exceptions and usage errors; `ls` never
             returns 1). Every error case is re-run as a real `dbt -q ls` process to confirm it.
  error    = null, or the first line of the error message: for dbt exceptions the text under the
             "Runtime Error"/"Compilation Error" header that dbt prints after "Encountered an error:";
             for command-line usage errors click's message (what dbt prints after "Error: ").

dbt.deprecations.reset_deprecations() runs before every invocation so that once-per-process
deprecation warnings (e.g. for --models) are recorded as a fresh `dbt ls` process would show them.
"""

import argparse
import io
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout

# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------

CASES = []
_counters = {}
CATEGORY_TITLES = {}


def category(name, title):
    CATEGORY_TITLES[name] = title


def C(cat, project, args, note):
    """Add a case; ids are <category>-<NNN> numbered in definition order."""
    _counters[cat] = _counters.get(cat, 0) + 1
    CASES.append({"id": f"{cat}-{_counters[cat]:03d}", "project": project, "args": list(args), "note": note})


def S(cat, sel, note, *extra, project="demo"):
    """A case with one --select value (plus extra args)."""
    C(cat, project, ["--select", sel, *extra], note)


def define_cases():
    # ---------------------------------------------------------------- fqn / default method
    category("fqn", "fqn and the default method (names, package-qualified, folder prefixes, wildcards, versions)")
    S("fqn", "fct_orders", "bare model name; eager indirect selection adds its tests (incl. relationships tests declared on fct_refunds)")
    S("fqn", "fqn:fct_orders", "explicit fqn: method = default method")
    S("fqn", "rescue_shop.marts.core.fct_orders", "full fqn")
    S("fqn", "marts.core.fct_orders", "fqn without the package (second form: fqn minus first element)")
    S("fqn", "rescue_shop.fct_orders", "package.name only matches models in the top model folder: nothing here")
    S("fqn", "core.fct_orders", "only the first fqn element may be dropped: nothing")
    S("fqn", "rescue_shop.*.fct_orders", "wildcard part spans several fqn elements")
    S("fqn", "rescue_shop.marts.*", "everything under models/marts incl. YAML-defined tests there")
    S("fqn", "marts.finance", "folder prefix without package")
    S("fqn", "staging", "folder prefix: all staging models and their YAML tests, no sources")
    S("fqn", "staging.shop", "sub-folder prefix")
    S("fqn", "rescue_shop.staging.web", "package + folder prefix")
    S("fqn", "intermediate", "folder prefix")
    S("fqn", "marts.core", "folder prefix")
    S("fqn", "rescue_shop", "package name as fqn prefix: every non-source resource of the project")
    S("fqn", "*", "everything except sources")
    S("fqn", "fqn:*", "fqn:* explicit")
    S("fqn", "fct_*", "bare glob (no dot): also matched against the leaf name, so every fct_ model and its tests (rule newer than 1.12.3)")
    S("fqn", "*fct_orders", "leading * glob over the dotted fqn")
    S("fqn", "rescue_shop.marts.core.fct_*", "glob in the last part")
    S("fqn", "marts.*.fct_*", "globs in two parts (the first one decides)")
    S("fqn", "rescue_shop.staging.shop.stg_shop__[op]*", "bracket glob")
    S("fqn", "rescue_shop.staging.?eb.*", "? glob on a folder")
    S("fqn", "marts.reporting.rpt_*", "folder + glob")
    S("fqn", "*.stg_shop__orders", "glob then exact (glob wins)")
    S("fqn", "dim_customers", "versioned model: every version")
    S("fqn", "dim_customers.v1", "versioned model, dotted version")
    S("fqn", "dim_customers.v2", "versioned model, dotted version (latest)")
    S("fqn", "dim_customers_v2", "versioned model, underscore version")
    S("fqn", "dim_customers_v1", "versioned model, underscore version (old)")
    S("fqn", "dim_customers.v3", "version that does not exist")
    S("fqn", "rescue_shop.marts.core.dim_customers", "fqn prefix of a versioned model: both versions")
    S("fqn", "rescue_shop.marts.core.dim_customers.v2", "full fqn of a version")
    S("fqn", "dim_customers.*", "glob on the version part")
    S("fqn", "dim_customers.2", "version number without the v")
    S("fqn", "nonexistent_model", "name that matches nothing: warning + No nodes selected")
    S("fqn", "orders", "name of a source table, not a model: nothing")
    S("fqn", "FCT_ORDERS", "fqn match is case-sensitive")
    S("fqn", "stg_shop__orders", "model with tests and a unit test")
    S("fqn", "countries", "seed by name")
    S("fqn", "snap_product_prices", "snapshot by name")
    S("fqn", "fx_rates", "seed by name (also tagged finance)")
    S("fqn", "not_null_fct_orders_order_id", "generic test by its name")
    S("fqn", "assert_no_order_before_signup", "singular test by name")
    S("fqn", "finance_revenue_dashboard", "exposure by bare name (fqn searches exposures)")
    S("fqn", "test_stg_shop__orders_normalises_status_and_amounts", "unit test by bare name")
    S("fqn", "stg_shop__orders.test_stg_shop__orders_normalises_status_and_amounts", "unit test by model.name")
    S("fqn", "shop", "source name as fqn: sources are never matched by fqn")
    S("fqn", "int_order_items_priced", "ephemeral model")
    S("fqn", "dbt", "internal package name: macros are not selectable")
    S("fqn", "fqn:rescue_shop.marts", "explicit fqn, package + folder")
    S("fqn", "rescue_shop.stg_shop__orders", "package + model in a sub-folder: nothing")
    S("fqn", "staging.shop.stg_shop__orders", "folder path + name without package")
    S("fqn", "marts.core.dim_customers.v1", "folder path + versioned name")
    S("fqn", "dim_*", "bare glob without a dot also matches the leaf name (model name for versions; newer than 1.12.3)")
    S("fqn", "dim_customers*", "bare glob on a versioned model name")
    S("fqn", "not_null_*", "bare glob on test names")
    S("fqn", "v?", "bare glob vs the version segment: versioned leaf is the model name, so nothing")
    S("fqn", "*_v2", "glob against the dotted fqn / leaf")
    S("fqn", "stg_*,resource_type:model", "bare glob intersected with models")
    S("fqn", "test_*", "bare glob on unit test names")
    S("fqn", "marts.core.dim_*", "dotted glob: only the dotted-fqn rule applies")

    # ---------------------------------------------------------------- path
    category("path", "path: method and values with a path separator (default method path)")
    S("path", "path:models/staging", "folder: models, YAML tests, sources and unit tests defined under it")
    S("path", "models/staging", "contains / so the default method is path")
    S("path", "path:models/staging/", "trailing slash")
    S("path", "path:models/staging/shop/stg_shop__orders.sql", "one SQL file")
    S("path", "models/staging/shop/stg_shop__orders.sql", "one SQL file, default method")
    S("path", "path:models/staging/shop/_shop__models.yml", "a models yml: tests and unit tests defined there (patch_path of the models too)")
    S("path", "path:models/staging/shop/_shop__sources.yml", "a sources yml: sources and their tests")
    S("path", "path:models/marts/*/fct_*.sql", "glob within segments")
    S("path", "path:models/**/fct_*.sql", "** spans folders")
    S("path", "path:models/**", "everything under models via **")
    S("path", "path:models/*", "one level: folders and files directly under models")
    S("path", "path:models/marts/*", "sub-folders of marts")
    S("path", "path:seeds", "seeds folder: seeds and seed tests")
    S("path", "path:seeds/_seeds.yml", "seed properties yml")
    S("path", "path:seeds/*.csv", "seed files by glob")
    S("path", "path:snapshots", "snapshot folder")
    S("path", "path:snapshots/snap_product_prices.yml", "YAML snapshot file")
    S("path", "path:tests", "singular tests folder")
    S("path", "path:tests/generic", "generic test definitions are macros: nothing")
    S("path", "path:models/exposures.yml", "exposures yml")
    S("path", "path:models/does_not_exist", "path that does not exist")
    S("path", "path:.", "the project root: pathlib.Path.glob('.') raises IndexError in Python 3.11 (dbt crashes; depends on the Python version)")
    S("path", "path:models/staging/shop/stg_shop__*.sql", "file glob in one folder")
    S("path", "path:models/**/_*__models.yml", "all model property files")
    S("path", "path:macros", "macros are not graph members")
    S("path", "./models/staging/web", "leading ./ (default method path)")
    S("path", "path:models/intermediate/int_order_items_priced.sql", "ephemeral model file")
    S("path", "path:models/marts/core/_core__models.yml", "yml of the versioned model")
    S("path", "path:models/staging/shop/stg_shop__orders", "file without extension: nothing")
    S("path", "path:models/Staging", "path case differs")
    S("path", "path:models/marts/finance+", "path with children operator")
    S("path", "+path:models/marts/ops", "path with parents operator")
    S("path", "path:models/_groups.yml", "groups yml: groups are not graph members")
    S("path", "path:models/marts/core/dim_customers_v2.sql", "file of one model version")
    S("path", "path:models/staging/**/*.sql", "** then a file glob")
    S("path", "path:models/staging/*/_*__sources.yml", "all source yml files")

    # ---------------------------------------------------------------- file
    category("file", "file: method and values ending in .sql/.py/.csv (default method file)")
    S("file", "file:stg_shop__orders.sql", "file name")
    S("file", "file:stg_shop__orders", "file stem")
    S("file", "file:_shop__models.yml", "yml file name: what is defined in it")
    S("file", "file:_shop__models", "yml stem")
    S("file", "file:*.yml", "every YAML-defined resource")
    S("file", "file:*.csv", "seeds")
    S("file", "file:fct_*.sql", "glob on file names")
    S("file", "stg_shop__orders.sql", "ends with .sql: default method file")
    S("file", "STG_SHOP__ORDERS.SQL", "upper-case extension still means file, but the match is case-sensitive")
    S("file", "file:exposures.yml", "exposures file")
    S("file", "file:snap_product_prices.yml", "YAML snapshot file")
    S("file", "file:countries.csv", "seed file")
    S("file", "file:nope.sql", "no such file")
    S("file", "fct_orders.py", "ends with .py: default method file, nothing")
    S("file", "file:assert_*", "singular tests by glob")
    S("file", "file:models/staging/shop/stg_shop__orders.sql", "a path is not a file name")
    S("file", "_shop__models.yml", ".yml does not trigger the file method: fqn, nothing")
    S("file", "countries.csv", "ends with .csv: default method file")
    S("file", "file:dim_customers_v1.sql", "file of a model version")
    S("file", "file:_seeds", "stem of seeds/_seeds.yml")

    # ---------------------------------------------------------------- tag
    category("tag", "tag: method")
    S("tag", "tag:daily", "folder tag on models, seeds and the snapshot")
    S("tag", "tag:hourly", "models, sources and an exposure tagged hourly")
    S("tag", "tag:finance", "finance tag incl. seed, exposure and a singular test")
    S("tag", "tag:fin*", "tag glob")
    S("tag", "tag:*ly", "tag glob suffix")
    S("tag", "tag:*", "anything with at least one tag")
    S("tag", "tag:nope", "tag that does not exist")
    S("tag", "tag:Finance", "tag match is case-sensitive")
    S("tag", "tag:finance+", "tag with children")
    S("tag", "+tag:finance", "tag with parents")
    S("tag", "tag:daily,tag:hourly", "intersection of two tags")
    S("tag", "tag:hourly", "tag restricted to sources", "--resource-type", "source")
    S("tag", "tag:[dh]*", "bracket glob on tags")
    S("tag", "tag:hourly,resource_type:exposure", "tagged exposure")
    S("tag", "tag:?aily", "? glob on tags")
    S("tag", "tag:", "empty tag value")

    # ---------------------------------------------------------------- source
    category("source", "source: method")
    S("source", "source:shop", "one source, all tables")
    S("source", "source:shop.orders", "source.table")
    S("source", "source:rescue_shop.shop.orders", "package.source.table")
    S("source", "source:*", "every source")
    S("source", "source:shop.*", "glob table")
    S("source", "source:*.orders", "glob source")
    S("source", "source:web+", "source with children")
    S("source", "source:shop.orders+", "table with children")
    S("source", "source:nope", "no such source")
    S("source", "source:rescue_shop.*.*", "package + globs")
    S("source", "source:rescue_shop.shop", "two parts are source.table, so this is source 'rescue_shop': nothing")
    S("source", "source:s*", "glob on the source name")
    S("source", "source:shop.orders+1", "children depth 1")
    S("source", "source:ads.campaigns+", "source without freshness, with children")
    S("source", "source:*.web_events", "glob source, exact table")
    S("source", "source:rescue_shop.shop.*", "package.source.*")
    S("source", "+source:shop", "parents of a source: nothing more")
    S("source", "source:Shop", "source match is case-sensitive")
    S("source", "source:shop.orders", "source with its tests, cautious", "--indirect-selection", "cautious")

    # ---------------------------------------------------------------- resource_type method
    category("rtype", "resource_type: method (every NodeType value)")
    for rt in ["model", "seed", "snapshot", "test", "unit_test", "source", "exposure", "analysis",
               "operation", "metric", "semantic_model", "saved_query", "function", "macro", "doc",
               "group", "sql_operation", "rpc", "fixture"]:
        S("rtype", f"resource_type:{rt}", f"resource_type:{rt}")
    S("rtype", "resource_type:seed+", "seeds with children")
    S("rtype", "resource_type:exposure,tag:finance", "resource_type in an intersection")
    S("rtype", "resource_type:snapshot+1", "snapshot and its direct children")

    # ---------------------------------------------------------------- package
    category("package", "package: method")
    S("package", "package:rescue_shop", "root package")
    S("package", "package:this", "package:this = root project (1.9+)")
    S("package", "package:rescue_*", "package glob")
    S("package", "package:dbt", "dbt's own package has only macros")
    S("package", "package:nope", "no such package")
    S("package", "package:this,resource_type:source", "package with intersection")
    S("package", "package:duckdb", "adapter package: macros only")
    S("package", "package:This", "'this' is case-sensitive")

    # ---------------------------------------------------------------- config
    category("config", "config.<key>: method")
    S("config", "config.materialized:table", "materialized table")
    S("config", "config.materialized:view", "materialized view")
    S("config", "config.materialized:ephemeral", "ephemeral")
    S("config", "config.materialized:incremental", "incremental")
    S("config", "config.materialized:seed", "seed materialization")
    S("config", "config.materialized:test", "tests have materialized=test")
    S("config", "config.materialized:snapshot", "snapshot")
    S("config", "config.materialized:Table", "config values compare case-sensitively")
    S("config", "config.materialized:tab*", "no glob on config values")
    S("config", "config.tags:finance", "list config: element")
    S("config", "config.tags:hourly", "list config element (exposures are not searched by config.)")
    S("config", "config.meta.owner:core-data@example.com", "nested meta key")
    S("config", "config.meta.pii:true", "boolean meta value vs 'true'")
    S("config", "config.meta.pii:TRUE", "'TRUE' any case")
    S("config", "config.meta.pii:false", "false does not match true")
    S("config", "config.severity:error", "test severity")
    S("config", "config.severity:ERROR", "severity is case-insensitive")
    S("config", "config.severity:warn", "no warn tests in the demo")
    S("config", "config.enabled:true", "boolean config on every node and source")
    S("config", "config.enabled:True", "boolean any case")
    S("config", "config.enabled:yes", "'yes' is not a boolean")
    S("config", "config.docs.show:true", "nested boolean")
    S("config", "config.contract.enforced:false", "nested false")
    S("config", "config.lookback:1", "int config vs string value '1'")
    S("config", "config.freshness.warn_after.count:12", "int source config vs string value")
    S("config", "config.freshness.warn_after.period:hour", "nested source config string")
    S("config", "config.unique_key:event_id", "string config on an incremental model")
    S("config", "config.unique_key:product_id", "snapshot unique_key")
    S("config", "config.check_cols:list_price_usd", "list config element")
    S("config", "config.access:public", "access as config")
    S("config", "config.group:finance", "group as config")
    S("config", "config.schema:marts", "schema config")
    S("config", "config.alias:dim_customers", "alias on one version")
    S("config", "config.meta:owner", "a dict only matches by descending: nothing")
    S("config", "config.nope:x", "missing key")
    S("config", "config.materialized:table,config.tags:finance", "two config criteria intersected")
    S("config", "config.full_refresh:false", "null config is not false")
    S("config", "config.incremental_strategy:delete+insert", "'+' inside a value is not an operator")
    S("config", "config.on_schema_change:append_new_columns", "string config")
    S("config", "config.column_types.store_id:integer", "seed dict config descended")
    S("config", "config:materialized", "config method without a key")
    S("config", "config.materialized:table+", "config with children")
    S("config", "config.tags:hourly,resource_type:source", "config.tags on sources")
    S("config", "config.loaded_at_field:_loaded_at", "source config")
    S("config", "config.meta.owner:platform-team@example.com", "meta on sources")
    S("config", "config.pre-hook:", "empty list config vs empty value")
    S("config", "config.where:*", "test where config (no glob)")
    S("config", "config.tags:finance", "exclude the finance-tagged seeds' tests etc.", "--exclude", "config.materialized:seed")

    # ---------------------------------------------------------------- test_type
    category("testtype", "test_type: method (incl. the substring quirk)")
    S("testtype", "test_type:generic", "generic tests")
    S("testtype", "test_type:schema", "legacy alias of generic")
    S("testtype", "test_type:singular", "singular tests")
    S("testtype", "test_type:data", "generic + singular")
    S("testtype", "test_type:unit", "unit tests")
    S("testtype", "test_type:sing", "substring of 'singular' -> singular")
    S("testtype", "test_type:a", "substring of 'data' -> data")
    S("testtype", "test_type:u", "substring of 'singular' checked before 'unit'")
    S("testtype", "test_type:ni", "substring of 'unit' only")
    S("testtype", "test_type:gen", "'generic' is compared exactly (tuple), so this is an error")
    S("testtype", "test_type:Data", "case-sensitive: error")
    S("testtype", "test_type:", "empty value is a substring of 'data'")
    S("testtype", "fct_payments,test_type:singular", "no singular test depends on fct_payments: empty")
    S("testtype", "fct_orders,test_type:singular", "singular test attached to fct_orders (intersection works on the expanded set)")
    S("testtype", "test_type:generic,fct_orders", "generic tests of a model")
    S("testtype", "test_type:unit,stg_shop__orders", "unit tests of a model")
    S("testtype", "test_type:data", "data tests, only those whose resource type is test", "--resource-type", "test")
    S("testtype", "test_type:singular+", "singular tests have no children")

    # ---------------------------------------------------------------- test_name
    category("testname", "test_name: method")
    for tn in ["unique", "not_null", "relationships", "accepted_values", "is_positive", "unique_combination"]:
        S("testname", f"test_name:{tn}", f"generic tests named {tn}")
    S("testname", "test_name:unique*", "glob: unique and unique_combination")
    S("testname", "test_name:test_stg_shop__orders_normalises_status_and_amounts", "unit test name")
    S("testname", "test_name:test_*", "unit tests by glob")
    S("testname", "test_name:assert_no_order_before_signup", "singular tests never match")
    S("testname", "test_name:dbt.unique", "no namespace in test_name")
    S("testname", "test_name:not_null,stg_shop__orders", "intersection with a model")
    S("testname", "test_name:Unique", "case-sensitive")

    # ---------------------------------------------------------------- exposure / unit_test / group / access / version / semantic
    category("exposure", "exposure: method")
    S("exposure", "exposure:finance_revenue_dashboard", "exposure by name")
    S("exposure", "exposure:rescue_shop.finance_revenue_dashboard", "package.exposure")
    S("exposure", "exposure:*", "all exposures")
    S("exposure", "exposure:*dashboard*", "glob")
    S("exposure", "+exposure:ops_fulfilment_app", "exposure with all parents")
    S("exposure", "1+exposure:ops_fulfilment_app", "exposure with direct parents")
    S("exposure", "exposure:nope", "no such exposure")
    S("exposure", "exposure:finance_revenue_dashboard+", "exposures have no children")
    S("exposure", "@exposure:churn_model_features", "@ on an exposure")
    S("exposure", "exposure:other_pkg.finance_revenue_dashboard", "wrong package")

    category("unittest", "unit_test: method")
    S("unittest", "unit_test:test_stg_shop__orders_normalises_status_and_amounts", "unit test by name")
    S("unittest", "unit_test:*", "all unit tests")
    S("unittest", "unit_test:rescue_shop.*", "package.glob")
    S("unittest", "unit_test:test_int*", "glob")
    S("unittest", "unit_test:nope", "no such unit test")
    S("unittest", "unit_test:stg_shop__orders.test_stg_shop__orders_normalises_status_and_amounts", "model.name is read as package.name: nothing")
    S("unittest", "+unit_test:*", "parents of unit tests (their models and upstream)")
    S("unittest", "1+unit_test:test_int*", "direct parents of a unit test")

    category("group", "group: method")
    S("group", "group:finance", "group finance (models only here)")
    S("group", "group:marketing", "group marketing")
    S("group", "group:fin*", "group glob")
    S("group", "group:nope", "no such group")
    S("group", "group:*", "any group")
    S("group", "group:finance,access:private", "private model in group")

    category("access", "access: method")
    S("access", "access:public", "public models")
    S("access", "access:protected", "protected models (the default)")
    S("access", "access:private", "private models")
    S("access", "access:Public", "exact match")
    S("access", "access:*", "no glob")

    category("version", "version: method")
    S("version", "version:latest", "latest versions (only versioned models)")
    S("version", "version:old", "older versions")
    S("version", "version:prerelease", "newer than latest: none")
    S("version", "version:none", "unversioned models")
    S("version", "version:latest+", "latest version with children")
    S("version", "version:old,dim_customers", "intersection")

    category("semantic", "semantic_model:, metric:, saved_query: (the demo has none)")
    S("semantic", "semantic_model:*", "no semantic models in the demo")
    S("semantic", "metric:*", "no metrics")
    S("semantic", "saved_query:*", "no saved queries")
    S("semantic", "metric:nope", "named metric")
    S("semantic", "saved_query:rescue_shop.x", "package-qualified saved query")

    # ---------------------------------------------------------------- graph operators
    category("graph", "graph operators")
    for sel, note in [
        ("+fct_orders", "all ancestors"),
        ("fct_orders+", "all descendants (incl. tests and exposures)"),
        ("+fct_orders+", "both"),
        ("2+fct_orders", "ancestors up to 2 hops"),
        ("fct_orders+1", "children 1 hop"),
        ("1+fct_orders+1", "one hop both ways"),
        ("@fct_orders", "descendants and all their ancestors"),
        ("0+fct_orders", "depth 0: no parents"),
        ("fct_orders+0", "depth 0: no children"),
        ("@int_orders_enriched", "@ on the hub model"),
        ("+rpt_exec_weekly_kpis", "deep ancestors"),
        ("3+rpt_exec_weekly_kpis", "3 hops up"),
        ("stg_shop__orders+2", "2 hops down (tests count as hops)"),
        ("+snap_product_prices", "snapshot ancestors incl. source"),
        ("snap_product_prices+", "snapshot descendants"),
        ("+int_order_items_priced+", "through the ephemeral model"),
        ("@stg_ref__countries", "@ on a staging model"),
        ("+dim_customers.v2", "ancestors of one version"),
        ("dim_customers.v1+", "descendants of the old version"),
        ("+exposure:*", "ancestors of all exposures"),
        ("1+exposure:*", "direct parents of exposures"),
        ("+tag:finance+", "tag with both operators"),
        ("10+fct_orders", "depth larger than the graph"),
        ("fct_orders+10", "children depth larger than the graph"),
        ("@source:ads", "@ on a source"),
        ("+countries", "seed has no parents"),
        ("countries+1", "seed direct children (models and tests)"),
        ("0+fct_orders+0", "both depths 0"),
        ("+stg_shop__orders", "parents: the source"),
        ("@+fct_orders", "@ with a parents operator"),
        ("1+fin_fx_rates", "one hop up from a leaf"),
        ("int_payments_converted+", "children of the broken model"),
        ("+fct_orders", "ancestors, models only", ),
        ("+", "operator without a value"),
        ("@", "@ without a value"),
    ]:
        extra = ["--resource-type", "model"] if note == "ancestors, models only" else []
        S("graph", sel, note, *extra)

    # ---------------------------------------------------------------- set operations
    category("set", "unions (space), intersections (comma) and their combinations")
    for sel, note in [
        ("fct_orders fct_payments", "union of two models"),
        ("tag:finance,resource_type:model", "intersection"),
        ("tag:finance,tag:daily,config.materialized:view", "three-way intersection"),
        ("+fct_orders,+fct_payments", "intersection of two ancestor sets"),
        ("fct_orders+,tag:hourly", "descendants intersected with a tag"),
        ("tag:daily,tag:nope", "intersection with an empty set"),
        ("path:models/marts,tag:hourly", "path and tag"),
        ("fct_orders,fct_orders", "intersection with itself"),
        ("tag:finance tag:finance", "duplicate union member"),
        ("staging,resource_type:test", "folder tests"),
        ("@fct_orders,path:models/staging", "staging part of @fct_orders"),
        ("fct_orders,tag:daily fct_payments", "intersection and union mixed"),
        ("source:*,tag:hourly", "sources tagged hourly"),
        ("intermediate,config.materialized:table", "intermediate tables"),
        ("tag:hourly tag:finance source:ads", "three-way union"),
        ("resource_type:seed resource_type:snapshot", "union of resource types"),
        ("fct_orders+1,resource_type:test", "tests among children"),
        ("stg_shop__orders,stg_shop__customers", "intersection of two models = tests attached to both (each criterion is expanded first)"),
        ("+fct_orders,fct_orders+", "intersection of ancestors and descendants"),
        ("tag:hourly,tag:daily,resource_type:model,path:models/marts", "four-way intersection"),
    ]:
        S("set", sel, note)
    C("set", "demo", ["--select", "tag:hourly tag:finance source:ads", "--exclude", "resource_type:test"], "three-way union minus tests")
    C("set", "demo", ["--select", "fct_orders fct_payments fct_refunds", "--exclude", "tag:nope fct_refunds"], "three-way union with a two-member exclude")

    # ---------------------------------------------------------------- exclude
    category("exclude", "--exclude alone and with --select (greedy exclusion of tests)")
    C("exclude", "demo", ["--exclude", "tag:daily"], "exclude alone: default selection minus daily")
    C("exclude", "demo", ["--exclude", "fct_orders"], "exclude a model: removes every test touching it")
    C("exclude", "demo", ["--select", "fct_refunds", "--exclude", "fct_orders"], "relationships test fct_refunds->fct_orders excluded")
    C("exclude", "demo", ["--select", "fct_refunds", "--exclude", "fct_orders", "--indirect-selection", "cautious"], "cautious mode with an exclude")
    C("exclude", "demo", ["--select", "tag:finance", "--exclude", "fct_payments+"], "exclude descendants")
    C("exclude", "demo", ["--select", "stg_shop__orders+", "--exclude", "resource_type:test"], "exclude tests")
    C("exclude", "demo", ["--select", "fct_orders", "--exclude", "nope"], "exclude that matches nothing warns")
    C("exclude", "demo", ["--select", "staging", "--exclude", "staging.shop"], "exclude a sub-folder")
    C("exclude", "demo", ["--select", "tag:hourly tag:finance", "--exclude", "tag:daily"], "union minus tag")
    C("exclude", "demo", ["--exclude", "fct_orders fct_payments"], "two exclude tokens")
    C("exclude", "demo", ["--select", "fct_orders", "--exclude", "fct_orders"], "everything excluded")
    C("exclude", "demo", ["--exclude", "path:models/marts", "--exclude", "source:*"], "repeated --exclude")
    C("exclude", "demo", ["--exclude", "tag:daily,resource_type:test"], "exclude an intersection")
    C("exclude", "demo", ["--select", "marts", "--exclude", "test_type:generic"], "exclude generic tests")
    C("exclude", "demo", ["--select", "+fct_orders", "--exclude", "source:*"], "exclude sources from ancestors")
    C("exclude", "demo", ["--select", "stores", "--exclude", "countries"], "seed relationships test stores->countries excluded")
    C("exclude", "demo", ["--select", "stores", "--exclude", "countries", "--indirect-selection", "empty"], "exclude with empty indirect selection")
    C("exclude", "demo", ["--select", "stg_shop__orders", "--exclude", "unit_test:*"], "exclude unit tests")
    C("exclude", "demo", ["--select", "dim_customers", "--exclude", "dim_customers.v1"], "exclude one version")
    C("exclude", "demo", ["--exclude", "*"], "exclude everything but sources")
    C("exclude", "demo", ["--select", "source:shop+1", "--exclude", "source:shop"], "children of sources without the sources (and their tests)")
    C("exclude", "demo", ["--select", "int_orders_enriched", "--exclude", "stg_ref__stores"], "exclude a parent model: the exclude is expanded to the tests of stg_ref__stores")

    # ---------------------------------------------------------------- --resource-type / --exclude-resource-type
    category("restype", "--resource-type / --exclude-resource-type / --models")
    for rts, note in [
        (["model"], "models only"),
        (["test"], "data tests only"),
        (["unit_test"], "unit tests only"),
        (["source"], "sources only"),
        (["exposure"], "exposures only"),
        (["seed"], "seeds only"),
        (["snapshot"], "snapshots only"),
        (["analysis"], "analysis: none in the demo"),
        (["all"], "all = default + analysis"),
        (["default"], "default set"),
        (["metric"], "metrics"),
        (["saved_query"], "saved queries"),
        (["semantic_model"], "semantic models"),
        (["function"], "functions"),
    ]:
        C("restype", "demo", ["--resource-type", *rts], note)
    C("restype", "demo", ["--resource-type", "model", "--resource-type", "seed"], "repeated --resource-type")
    C("restype", "demo", ["--resource-type", "model", "seed"], "two values after one --resource-type")
    C("restype", "demo", ["--exclude-resource-type", "test"], "exclude tests")
    C("restype", "demo", ["--exclude-resource-type", "test", "unit_test", "source"], "exclude three types")
    C("restype", "demo", ["--resource-type", "model", "--exclude-resource-type", "model"], "include and exclude the same type")
    C("restype", "demo", ["--select", "fct_orders+", "--resource-type", "test"], "tests among descendants")
    C("restype", "demo", ["--select", "tag:hourly", "--resource-type", "source", "exposure"], "two types with a selection")
    C("restype", "demo", ["--resource-types", "model"], "plural option name")
    C("restype", "demo", ["--exclude-resource-types", "test"], "plural exclude option name")
    C("restype", "demo", ["--resource-type", "all", "--exclude-resource-type", "test"], "all minus tests")
    C("restype", "demo", ["--resource-type", "default", "--exclude-resource-type", "source"], "default minus sources")
    C("restype", "demo", ["--select", "stg_shop__orders", "--resource-type", "unit_test", "test"], "tests and unit tests of a model")
    C("restype", "demo", ["--models", "fct_orders+"], "--models forces resource type model")
    C("restype", "demo", ["-m", "tag:finance"], "-m alias")
    C("restype", "demo", ["--model", "stg_shop__orders"], "--model alias")
    C("restype", "demo", ["--select", "resource_type:test", "--resource-type", "model"], "method and flag disagree: empty, no criterion warning")
    C("restype", "demo", ["--exclude-resource-type", "model", "seed", "snapshot", "test", "source", "exposure"], "only unit tests left")

    # ---------------------------------------------------------------- indirect selection
    category("indirect", "--indirect-selection eager/cautious/buildable/empty")
    for sel, note in [
        ("fct_orders", "relationships tests to dim_customers/dim_stores and from fct_refunds"),
        ("fct_orders dim_customers dim_stores", "union promotes the relationships tests"),
        ("stg_shop__orders", "model with a unit test and relationships tests to other staging models"),
        ("source:shop", "tests on sources"),
        ("int_customer_orders", "unit test on an intermediate model"),
        ("fct_orders,tag:daily", "intersection group"),
        ("+fct_orders", "ancestors: buildable differs from cautious"),
        ("stores", "seed with a relationships test to another seed"),
        ("stg_shop__orders+1", "direct children"),
        ("stg_shop__customers stg_ref__countries", "both parents of a relationships test"),
    ]:
        for mode in ["eager", "cautious", "buildable", "empty"]:
            S("indirect", sel, f"{mode}: {note}", "--indirect-selection", mode)
    S("indirect", "fct_orders", "cautious + tests only", "--indirect-selection", "cautious", "--resource-type", "test")
    S("indirect", "+fct_orders", "buildable + tests only", "--indirect-selection", "buildable", "--resource-type", "test")
    S("indirect", "stg_shop__orders", "empty + unit tests only", "--indirect-selection", "empty", "--resource-type", "unit_test")
    S("indirect", "fct_refunds", "cautious exclude of a model touching a relationships test", "--exclude", "dim_customers", "--indirect-selection", "cautious")

    # ---------------------------------------------------------------- YAML selectors
    category("selector", "--selector NAME and the selector: method (1.12)")
    names = ["finance_daily", "hourly_refresh", "payments_impact", "daily_marts", "staging_sources_and_tests"]
    for n in names:
        C("selector", "demo", ["--selector", n], f"--selector {n}")
    for n in names:
        S("selector", f"selector:{n}", f"selector: method, {n}")
    S("selector", "selector:*", "selector glob: union of all")
    S("selector", "selector:*_daily", "selector glob")
    S("selector", "selector:hourly_refresh+", "selector method with children")
    S("selector", "selector:payments_impact,tag:finance", "selector in an intersection")
    C("selector", "demo", ["--selector", "finance_daily", "--select", "fct_orders"], "--select is ignored with --selector (warning)")
    C("selector", "demo", ["--selector", "daily_marts", "--resource-type", "test"], "selector + resource type")
    C("selector", "demo", ["--selector", "finance_daily", "--indirect-selection", "cautious"], "selector + cautious")
    C("selector", "demo", ["--selector", "payments_impact", "--exclude", "resource_type:test"], "--exclude ignored with --selector")
    C("selector", "demo", ["--exclude", "selector:hourly_refresh"], "selector method in --exclude")
    S("selector", "selector:staging_sources_and_tests", "selector method, names", "--output", "name")
    S("selector", "+selector:payments_impact", "selector method with parents")
    S("selector", "selector:finance_daily", "selector method + cautious", "--indirect-selection", "cautious")

    # ---------------------------------------------------------------- --output
    category("output", "--output name|path|json|selector and --output-keys")
    for sel, note in [
        ("fct_orders", "model and tests"),
        ("dim_customers", "versioned model"),
        ("source:shop", "sources"),
        ("exposure:*", "exposures"),
        ("unit_test:*", "unit tests"),
        ("resource_type:seed resource_type:snapshot", "seeds and snapshot"),
    ]:
        for out in ["name", "path"]:
            S("output", sel, f"--output {out}: {note}", "--output", out)
    for sel, note in [
        ("fct_orders", "model + tests, default keys"),
        ("dim_customers.v2", "versioned model, default keys"),
        ("source:shop.orders", "source, default keys"),
        ("exposure:churn_model_features", "exposure, default keys"),
        ("unit_test:*", "unit tests, default keys"),
        ("countries snap_product_prices", "seed and snapshot, default keys"),
        ("assert_refunds_not_above_paid", "singular test, default keys"),
        ("int_order_items_priced", "ephemeral model, default keys"),
    ]:
        S("output", sel, f"--output json: {note}", "--output", "json")
    S("output", "fct_orders+", "json with chosen keys", "--output", "json", "--output-keys", "unique_id", "resource_type")
    S("output", "tag:finance", "json with nested key", "--output", "json", "--output-keys", "name", "config.materialized")
    S("output", "fct_orders", "json with an unknown key", "--output", "json", "--output-keys", "nope")
    S("output", "source:web", "json, source keys", "--output", "json", "--output-keys", "unique_id", "source_name", "name", "resource_type")
    S("output", "fct_orders", "json, depends_on key", "--output", "json", "--output-keys", "depends_on")
    S("output", "fct_orders", "json, comma in one key", "--output", "json", "--output-keys", "unique_id,name")
    S("output", "dim_customers", "json, version keys", "--output", "json", "--output-keys", "unique_id", "version", "latest_version")
    S("output", "fct_orders", "explicit --output selector", "--output", "selector")
    S("output", "fct_orders", "--output-keys without json is ignored", "--output", "name", "--output-keys", "unique_id")
    S("output", "int_orders_enriched", "json, config.meta nested key", "--output", "json", "--output-keys", "unique_id", "config.meta.owner")
    S("output", "int_orders_enriched", "-o is not an option of ls: usage error", "-o", "name")

    # ---------------------------------------------------------------- tokenising / option syntax
    category("syntax", "-s vs --select, several values, spaces, empty tokens")
    C("syntax", "demo", ["-s", "fct_orders"], "-s short option")
    C("syntax", "demo", ["--select", "fct_orders fct_payments"], "two tokens in one string")
    C("syntax", "demo", ["--select", "fct_orders", "--select", "fct_payments"], "repeated --select")
    C("syntax", "demo", ["--select", "fct_orders", "fct_payments"], "greedy option: two values after one --select")
    C("syntax", "demo", ["-s", "fct_orders  fct_payments"], "double space: empty token (warning)")
    C("syntax", "demo", ["-s", " fct_orders"], "leading space")
    C("syntax", "demo", ["-s", ""], "empty string")
    C("syntax", "demo", ["--select", "fct_orders,tag:daily fct_payments"], "comma and space in one string")
    C("syntax", "demo", ["--select", "fct_orders", "fct_payments", "--exclude", "resource_type:test", "unit_test:*"], "greedy select and exclude")
    C("syntax", "demo", ["-s", "fct_orders,"], "trailing comma: empty intersection member")
    C("syntax", "demo", ["-s", "tag:a:b"], "value containing ':'")
    C("syntax", "demo", ["-s", ","], "lone comma")
    C("syntax", "demo", ["-s", ":fct_orders"], "empty method name")
    C("syntax", "demo", [], "no arguments: default selection")
    C("syntax", "demo", ["--select", "fct_orders\tfct_payments"], "tab is not a separator")
    C("syntax", "demo", ["-s", "fct_orders", "-s", "tag:finance", "--exclude", "tag:daily", "-s", "fct_payments"], "options interleaved")
    C("syntax", "demo", ["--select=fct_orders"], "--select=value form")
    C("syntax", "demo", ["-s", "fqn:fct_orders,fqn:fct_orders+"], "intersection of a node and its descendants")
    C("syntax", "demo", ["-s", "fct_orders+,"], "operator then trailing comma")
    C("syntax", "demo", ["-s", "@@fct_orders"], "double @")
    C("syntax", "demo", ["-s", "++fct_orders"], "double +")
    C("syntax", "demo", ["-s", "fct_orders++"], "double + suffix")
    C("syntax", "demo", ["-s", "1+2+fct_orders"], "two depth prefixes")
    C("syntax", "demo", ["-s", "fqn.x:fct_orders"], "arguments on a method that takes none are ignored")

    # ---------------------------------------------------------------- misc edge cases
    category("misc", "ephemeral, disabled, hooks, empty results")
    S("misc", "config.materialized:ephemeral+", "ephemeral model and descendants")
    S("misc", "@int_order_items_priced", "@ on the ephemeral model")
    S("misc", "resource_type:operation", "hooks: the demo has none")
    S("misc", "disabled_model", "the demo has no disabled node: a missing name")
    S("misc", "tag:nope tag:nada", "two tokens that match nothing: two warnings")
    S("misc", "fct_orders", "no nodes after resource type filtering: no warnings", "--resource-type", "seed")
    S("misc", "snap_product_prices", "snapshot + tests", "--resource-type", "snapshot", "test")

    # ---------------------------------------------------------------- errors
    category("error", "errors (exit 2)")
    for sel, note in [
        ("tagg:x", "unknown method"),
        ("TAG:finance", "method names are case-sensitive"),
        ("resource_type:nope", "unknown resource type"),
        ("resource_type:Model", "resource type is case-sensitive"),
        ("resource_type:*", "no glob in resource_type"),
        ("version:nope", "unknown version selector"),
        ("@fct_orders+", "@ and + suffix"),
        ("@a+", "@ and + suffix"),
        ("source:a.b.c.d", "source with 4 parts"),
        ("exposure:a.b.c", "exposure with 3 parts"),
        ("unit_test:a.b.c", "unit test with 3 parts"),
        ("metric:a.b.c", "metric with 3 parts"),
        ("state:modified", "state without --state"),
        ("result:error", "result without --state"),
        ("source_status:fresher", "source_status without --state"),
        ("selector:nope", "selector: that matches no selector"),
        ("tagg.x:y", "unknown dotted method"),
    ]:
        S("error", sel, note)
    C("error", "demo", ["--selector", "nope"], "--selector with an unknown name")
    C("error", "demo", ["--resource-type", "nope"], "usage error: bad --resource-type")
    C("error", "demo", ["--output", "bogus"], "usage error: bad --output")
    C("error", "demo", ["--indirect-selection", "nope"], "usage error: bad --indirect-selection")
    C("error", "demo", ["-m", "fct_orders", "--select", "fct_payments"], "--models and --select together")
    C("error", "demo", ["-m", "fct_orders", "--resource-type", "model"], "--models and --resource-type together")
    C("error", "demo", ["--exclude", "tagg:x"], "unknown method in --exclude")
    C("error", "demo", ["--select", "fct_orders", "--exclude", "@x+"], "bad spec in --exclude")

    # ---------------------------------------------------------------- state
    category("state", "state: against demo/artifacts/state/prod (project 'state')")
    for sel, note in [
        ("state:new", "no new nodes"),
        ("state:old", "every node that exists in prod"),
        ("state:modified", "body + macro + config changes and their tests"),
        ("state:modified.body", "body change"),
        ("state:modified.configs", "config change"),
        ("state:modified.relation", "no relation change"),
        ("state:modified.persisted_descriptions", "no persisted descriptions"),
        ("state:modified.macros", "upstream macro changed"),
        ("state:modified.contract", "no contract change"),
        ("state:unmodified", "complement of modified"),
        ("state:modified+", "modified and descendants"),
        ("+state:modified", "modified and ancestors"),
        ("state:modified+1", "modified and direct children"),
        ("@state:modified", "@ on modified"),
        ("state:modified,resource_type:model", "modified models"),
        ("state:modified,tag:hourly", "modified and hourly"),
        ("state:modified.body+", "body change and descendants"),
        ("state:modified.configs+", "config change and descendants"),
        ("1+state:modified.configs", "config change and direct parents"),
        ("state:modified.body,state:modified.macros", "both body and macro: none"),
        ("state:modified.body state:modified.macros", "union of sub-selectors"),
        ("state:unmodified,tag:finance", "unmodified finance"),
        ("state:old,state:new", "empty intersection"),
        ("state:modified state:new", "modified or new"),
        ("state:new,resource_type:source", "new sources"),
        ("state:nope", "unknown state value: error"),
        ("state:modified.nope", "unknown sub-selector: error"),
        ("state:Modified", "state values are case-sensitive"),
        ("result:error", "no run_results.json in the state dir: error"),
        ("source_status:fresher", "no sources.json in the state dir: error"),
        ("state:modified.macros,config.materialized:view", "macro-modified views"),
        ("state:modified.body+,resource_type:exposure", "exposures downstream of the body change"),
    ]:
        S("state", sel, note, project="state")
    S("state", "state:modified", "modified models, names (= CHANGES.md)", "--resource-type", "model", "--output", "name", project="state")
    S("state", "state:modified", "cautious", "--indirect-selection", "cautious", project="state")
    S("state", "state:modified", "buildable", "--indirect-selection", "buildable", project="state")
    S("state", "state:modified", "empty", "--indirect-selection", "empty", project="state")
    S("state", "state:modified", "modified minus macro-modified", "--exclude", "state:modified.macros", project="state")
    S("state", "state:modified", "modified tests only", "--resource-type", "test", project="state")
    C("state", "state", ["--exclude", "state:unmodified"], "everything minus unmodified")
    C("state", "state", ["--select", "state:modified+", "--exclude", "state:modified", "--output", "path"], "downstream of changes only, paths")
    C("state", "state", ["--select", "state:modified.macros", "--output", "name", "--resource-type", "model"], "macro-modified models (= CHANGES.md)")

    # ---------------------------------------------------------------- result / source_status
    category("result", "result: and source_status: against demo/artifacts/failed-build (project 'result')")
    for sel, note in [
        ("result:error", "the failed model"),
        ("result:fail", "the failed test"),
        ("result:skipped", "skipped nodes"),
        ("result:success", "successful models/seeds/snapshot"),
        ("result:pass", "passing tests"),
        ("result:warn", "no warnings in the failed build"),
        ("result:no-op", "no-op results"),
        ("result:error+", "failed model and descendants"),
        ("+result:error", "failed model and ancestors"),
        ("1+result:fail", "failed test and its parent"),
        ("result:fail+", "failed test has no children"),
        ("result:skipped,resource_type:exposure", "skipped exposures"),
        ("result:error result:fail", "union of error and fail"),
        ("result:Error", "result values are case-sensitive"),
        ("result:nope", "unknown status: nothing, no error"),
        ("result:success,tag:hourly", "successful hourly"),
        ("result:*", "no glob in result"),
        ("result:skipped,result:error+", "skipped that are downstream of the error"),
        ("source_status:fresher", "sources fresher than in the failed freshness run"),
        ("source_status:fresher+", "fresher sources and descendants"),
        ("source_status:stale", "only 'fresher' selects anything"),
        ("source_status:fresher+1", "fresher sources and direct children"),
        ("+source_status:fresher", "ancestors of a source: itself"),
        ("source_status:fresher,resource_type:source", "intersection"),
        ("state:modified", "failed-build manifest vs the current project"),
        ("state:new", "new vs the failed-build manifest"),
        ("result:fail", "failed test"),
    ]:
        extra = ["--resource-type", "test"] if note == "failed test" else []
        S("result", sel, note, *extra, project="result")
    S("result", "result:error+", "models to rebuild", "--resource-type", "model", project="result")
    S("result", "result:error+", "cautious", "--indirect-selection", "cautious", project="result")
    S("result", "result:skipped", "skipped, names", "--output", "name", project="result")
    S("result", "result:error+ result:skipped+", "retry-like selection", "--exclude", "resource_type:exposure", project="result")
    C("result", "result", ["--select", "result:skipped", "--exclude", "result:skipped,tag:finance"], "skipped except finance")

    # ---------------------------------------------------------------- large project
    category("large", "the generated 500-model project (scripts/gen-large-project --models 500)")
    for sel, note, extra in [
        ("tag:finance", "finance tag", []),
        ("tag:pii,resource_type:model", "pii models", []),
        ("+tag:pii", "pii and ancestors, models", ["--resource-type", "model"]),
        ("config.severity:warn", "warn-severity tests", []),
        ("config.severity:WARN", "case-insensitive severity", []),
        ("access:private", "private models", []),
        ("group:payments", "group payments", []),
        ("version:latest", "latest versions", []),
        ("version:old", "old versions", []),
        ("dim_payments__agent_by_segment", "versioned model, all versions", []),
        ("dim_payments__agent_by_segment.v1", "one version", []),
        ("source:kafka_finance+", "source with descendants", ["--resource-type", "model", "source"]),
        ("@int_marketing__conversations_by_customer_sessionized", "@ on a high-fanout model", ["--resource-type", "model"]),
        ("path:models/marts/finance", "path folder", []),
        ("config.materialized:ephemeral+", "ephemeral and descendants", ["--resource-type", "model"]),
        ("test_type:singular", "singular tests", []),
        ("unit_test:*", "unit tests", []),
        ("3+exposure:billing_board_pack_notebook", "3 hops up from an exposure", []),
        ("staging.payments.adyen", "folder prefix", []),
        ("marts.finance", "marts finance, cautious", ["--indirect-selection", "cautious"]),
        ("tag:deprecated", "deprecated models", []),
        ("tag:experimental+", "experimental with descendants", ["--resource-type", "model"]),
        ("test_name:relationships,tag:hourly", "hourly relationships tests", []),
        ("tag:hourly", "hourly, models, names", ["--resource-type", "model", "--output", "name"]),
        ("resource_type:exposure", "exposures", []),
        ("+exposure:*", "ancestors of exposures, buildable tests", ["--indirect-selection", "buildable", "--resource-type", "test"]),
        ("tag:finance,tag:hourly", "intersection", ["--exclude", "config.materialized:view"]),
    ]:
        S("large", sel, note, *extra, project="large")
    for n in ["hourly_refresh", "nightly_build", "finance_critical", "pii_models", "staging_only",
              "incremental_models", "marts_and_exposures", "source_freshness_critical", "weekly_refresh", "unit_tests"]:
        C("large", "large", ["--selector", n, "--output", "name"] if n in ("nightly_build", "finance_critical") else ["--selector", n], f"--selector {n}")
    C("large", "large", ["--selector", "ci_slim"], "state-based selector without --state: error")
    C("large", "large", ["--resource-type", "source", "--output", "name"], "all sources, names")
    C("large", "large", ["--select", "path:models/staging/payments", "--exclude", "tag:hourly"], "path minus tag")


# --------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------

STATE_EDITS = [
    # (file, old, new) - the three edits of demo/artifacts/state/CHANGES.md, exactly as
    # scripts/gen-demo-fixtures makes them. The resulting parse is checked against
    # demo/artifacts/state/current/manifest.json.
    ("models/intermediate/int_order_attribution.sql",
     "-- last-touch attribution: the customer's latest session in the 7 days before the order",
     "-- last-touch attribution: the customer's latest session in the 14 days before the order"),
    ("models/intermediate/int_order_attribution.sql",
     "o.ordered_at - interval 7 day", "o.ordered_at - interval 14 day"),
    ("macros/currency.sql",
     "cast(round({{ amount }} * {{ rate }}, 2) as decimal(14, 2))",
     "cast(round({{ amount }} * {{ rate }}, 2) as decimal(18, 2))"),
    ("models/marts/ops/_ops__models.yml",
     "  - name: ops_store_daily_volume\n    description: Orders and revenue per store and day.\n",
     "  - name: ops_store_daily_volume\n    description: Orders and revenue per store and day.\n"
     "    config:\n      materialized: table\n"),
]

PROJECTS_DOC = {
    "demo": {
        "source": "demo/ (copied without target/, artifacts/, logs/, dbt_packages/, *.duckdb)",
        "state_dir": None,
        "target_files": {},
        "edits": [],
    },
    "state": {
        "source": "demo/ (copied as for 'demo'), then the three edits of demo/artifacts/state/CHANGES.md "
                  "(listed below; they reproduce demo/artifacts/state/current/manifest.json)",
        "state_dir": {"manifest.json": "demo/artifacts/state/prod/manifest.json"},
        "target_files": {},
        "edits": [{"file": f, "old": o, "new": n} for f, o, n in STATE_EDITS],
    },
    "result": {
        "source": "demo/ (copied as for 'demo')",
        "state_dir": {
            "manifest.json": "demo/artifacts/failed-build/manifest.json",
            "run_results.json": "demo/artifacts/failed-build/run_results.json",
            "sources.json": "demo/artifacts/failed-build/sources.json",
        },
        "target_files": {"target/sources.json": "demo/artifacts/clean-build/sources.json"},
        "edits": [],
    },
    "large": {
        "source": "scripts/gen-large-project --models 500 (seed 42; its last stdout line is the directory), "
                  "copied without target/ and logs/",
        "state_dir": None,
        "target_files": {},
        "edits": [],
    },
}


def copy_project(src, dest, excludes):
    def ignore(directory, names):
        rel = pathlib.Path(directory).relative_to(src)
        out = set()
        for n in names:
            if rel == pathlib.Path(".") and n in excludes:
                out.add(n)
            elif n.endswith(".duckdb") or n.endswith(".duckdb.wal"):
                out.add(n)
        return out
    shutil.copytree(src, dest, ignore=ignore)


def apply_state_edits(proj):
    for rel, old, new in STATE_EDITS:
        p = proj / rel
        text = p.read_text()
        if text.count(old) != 1:
            sys.exit(f"gen-selector-goldens: expected exactly one {old!r} in {rel}")
        p.write_text(text.replace(old, new))


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Running dbt in-process
# --------------------------------------------------------------------------------------------

def strip_warning_tag(msg):
    # dbt_common.ui.warning_tag: "[WARNING]: msg" or "[WARNING][EventName]: msg"
    if msg.startswith("[WARNING]"):
        i = msg.find("]: ")
        if i >= 0:
            return msg[i + 3:]
    return msg


def first_error_line(text):
    for line in str(text).splitlines():
        if line.strip():
            return line.strip()
    return str(text).strip()


class Project:
    def __init__(self, name, path, state_dir):
        self.name = name
        self.path = path
        self.state_dir = state_dir
        self.manifest = None
        self.events = []
        self.runner = None

    def common(self):
        p = str(self.path)
        extra = ["--project-dir", p, "--profiles-dir", p]
        if self.state_dir is not None:
            extra += ["--state", str(self.state_dir)]
        return extra

    def parse(self):
        from dbt.cli.main import dbtRunner
        t0 = time.time()
        os.chdir(self.path)
        with redirect_stdout(io.StringIO()):
            res = dbtRunner().invoke(["parse", "--quiet", "--no-partial-parse",
                                      "--project-dir", str(self.path), "--profiles-dir", str(self.path)])
        if not res.success:
            sys.exit(f"gen-selector-goldens: dbt parse of {self.name} failed: {res.exception}")
        self.manifest = res.result
        self.runner = dbtRunner(manifest=self.manifest, callbacks=[self._collect])
        log(f"   parsed {self.name} in {time.time() - t0:.1f}s")

    def _collect(self, ev):
        self.events.append(ev)

    def ls(self, args):
        import dbt.deprecations
        from dbt.cli.main import cli
        import click
        dbt.deprecations.reset_deprecations()
        self.events.clear()
        os.chdir(self.path)
        full = ["ls", "--quiet", *args, *self.common()]
        out = io.StringIO()
        with redirect_stdout(out):
            res = self.runner.invoke(full)
        events = list(self.events)
        lines = [e.info.msg for e in events if e.info.name == "PrintEvent"]
        warnings = [strip_warning_tag(e.info.msg) for e in events if e.info.level == "warn"]
        if res.success:
            if list(res.result) != lines:
                sys.exit(f"gen-selector-goldens: PrintEvent lines differ from res.result for ls {args}")
            return {"exit": 0, "lines": lines, "warnings": warnings, "error": None}
        exc = res.exception
        if exc is None:
            # ResultExit: the command ran but reported failure (never happens for ls)
            return {"exit": 1, "lines": lines, "warnings": warnings, "error": None}
        from dbt.cli.exceptions import DbtUsageException
        if isinstance(exc, DbtUsageException):
            # dbtRunner keeps only click's short message; get the one the CLI prints after "Error: "
            msg = str(exc)
            try:
                with redirect_stdout(io.StringIO()):
                    cli.main(args=full, prog_name="dbt", standalone_mode=False)
            except click.exceptions.UsageError as e:
                msg = e.format_message()
            except BaseException:
                pass
            return {"exit": 2, "lines": lines, "warnings": warnings, "error": first_error_line(msg)}
        msg = getattr(exc, "msg", None)
        if not isinstance(msg, str) or not msg.strip():
            msg = str(exc)
        return {"exit": 2, "lines": lines, "warnings": warnings, "error": first_error_line(msg)}


# --------------------------------------------------------------------------------------------
# Live checks with separate dbt processes
# --------------------------------------------------------------------------------------------

def live_run(dbt, proj, args):
    """Run a real `dbt -q ls` process; return (exit, stdout lines, stderr text, seconds)."""
    cmd = [dbt, "-q", "ls", *args, *proj.common()]
    t0 = time.time()
    p = subprocess.run(cmd, cwd=proj.path, capture_output=True, text=True)
    return p.returncode, p.stdout.splitlines(), p.stderr, time.time() - t0


def live_error_line(stdout_lines, stderr):
    """The error's first line as the CLI prints it (see module doc)."""
    text = stdout_lines + stderr.splitlines()
    for i, line in enumerate(text):
        if line.startswith("Error: "):
            return line[len("Error: "):].strip()
        if line.endswith("Encountered an error:"):
            rest = [x for x in text[i + 1:] if x.strip()]
            if not rest:
                return None
            # dbt exceptions: a header ("Runtime Error", ...) then the message indented by two
            # spaces; other exceptions (e.g. a Python IndexError): the message, then a traceback
            if len(rest) >= 2 and rest[1].startswith("  "):
                return rest[1].strip()
            return rest[0].strip()
    return None


def live_run_json(dbt, proj, args):
    """Run a real `dbt --log-format json ls` process; return (exit, printed lines, warnings)."""
    cmd = [dbt, "--log-format", "json", "ls", *args, *proj.common()]
    p = subprocess.run(cmd, cwd=proj.path, capture_output=True, text=True)
    lines, warnings = [], []
    parsing = False
    for raw in p.stdout.splitlines():
        try:
            ev = json.loads(raw)
        except ValueError:
            continue
        info = ev.get("info", {})
        name = info.get("name")
        # Project parsing runs between AdapterRegistered and FoundStats; its warnings (e.g.
        # UpcomingReferenceDeprecation) are not part of the goldens: the in-process cases reuse
        # one parse.
        if name == "AdapterRegistered":
            parsing = True
        elif name in ("FoundStats", "MainEncounteredError"):
            parsing = False
        if name == "PrintEvent":
            lines.append(info.get("msg"))
        elif info.get("level") == "warn" and not parsing:
            warnings.append(strip_warning_tag(info.get("msg", "")))
    return p.returncode, lines, warnings


def live_check(dbt, proj, case, gold, with_json=False):
    code, out, err, secs = live_run(dbt, proj, case["args"])
    problems = []
    if with_json:
        jcode, jlines, jwarnings = live_run_json(dbt, proj, case["args"])
        if jcode != gold["exit"]:
            problems.append(f"json log run: exit {jcode} != golden {gold['exit']}")
        if gold["exit"] == 0 and jlines != gold["lines"]:
            problems.append("json log run: PrintEvent lines differ")
        if jwarnings != gold["warnings"]:
            problems.append(f"json log run: warnings differ: live {jwarnings} vs golden {gold['warnings']}")
    if code != gold["exit"]:
        problems.append(f"exit {code} != golden {gold['exit']}")
    if gold["exit"] == 0:
        if out != gold["lines"]:
            problems.append(f"stdout differs: live {len(out)} lines, golden {len(gold['lines'])}")
    else:
        line = live_error_line(out, err)
        if line != gold["error"]:
            problems.append(f"error line differs: live {line!r} vs golden {gold['error']!r}")
    return problems, secs


# --------------------------------------------------------------------------------------------
# Manifest checks
# --------------------------------------------------------------------------------------------

COLLECTIONS = ["nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries",
               "unit_tests", "functions", "groups", "selectors", "disabled", "macros", "docs"]


def manifest_dict(proj):
    return json.loads((proj.path / "target" / "manifest.json").read_text())


def compare_manifests(label, mine, ref, deep):
    """Return a list of differences between two manifest dicts (ids, checksums, configs)."""
    diffs = []
    for coll in COLLECTIONS:
        a, b = set(mine.get(coll) or {}), set(ref.get(coll) or {})
        if a != b:
            diffs.append(f"{label}: {coll} ids differ: only mine {sorted(a - b)[:5]}, only committed {sorted(b - a)[:5]}")
    if deep:
        for coll in ["nodes", "sources", "exposures", "unit_tests"]:
            for uid, node in (mine.get(coll) or {}).items():
                other = (ref.get(coll) or {}).get(uid)
                if other is None:
                    continue
                for key in ["checksum", "raw_code", "fqn", "config", "unrendered_config", "depends_on",
                            "original_file_path", "patch_path", "tags", "version", "latest_version"]:
                    if node.get(key) != other.get(key):
                        diffs.append(f"{label}: {uid}.{key} differs")
        for uid, mac in (mine.get("macros") or {}).items():
            other = (ref.get("macros") or {}).get(uid)
            if other is not None and mac.get("macro_sql") != other.get("macro_sql"):
                diffs.append(f"{label}: macro {uid} macro_sql differs")
    return diffs


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def write_readme(dest, cases, goldens, versions, checks):
    by_cat = {}
    for c, g in zip(cases, goldens):
        cat = c["id"].rsplit("-", 1)[0]
        d = by_cat.setdefault(cat, {"n": 0, "err": 0, "empty": 0})
        d["n"] += 1
        if g["exit"] != 0:
            d["err"] += 1
        elif not g["lines"]:
            d["empty"] += 1
    by_proj = {}
    for c in cases:
        by_proj[c["project"]] = by_proj.get(c["project"], 0) + 1
    rows = "\n".join(
        f"| `{cat}` | {CATEGORY_TITLES.get(cat, '')} | {d['n']} | {d['empty']} | {d['err']} |"
        for cat, d in by_cat.items())
    total_err = sum(d["err"] for d in by_cat.values())
    total_empty = sum(d["empty"] for d in by_cat.values())
    projs = ", ".join(f"`{p}` {n}" for p, n in by_proj.items())
    text = f"""# Selector conformance corpus (real `dbt ls` output)

Generated by `scripts/gen-selector-goldens` (helper `scripts/gen_selector_goldens.py`); do not edit
by hand, rerun the script. Every expected output here was printed by the real pinned dbt:

{versions}

## Files

| file | content |
|------|---------|
| `cases.jsonl` | one case per line: `{{"id", "project", "args", "note"}}`. `args` are exactly the arguments after `ls`. The harness appends `--project-dir P --profiles-dir P` and, for the projects `state` and `result` only, `--state <dir>` (see `projects.json`). `--output` is part of `args` when the case sets it (default `selector`). |
| `golden.jsonl` | one line per case, same order: `{{"id", "exit", "lines", "warnings", "error"}}` |
| `projects.json` | how each project and its `--state` directory are built |

### Golden fields

* `exit`: dbt's exit code: `0`, or `2` for every exception and command-line usage error (`ls` never
  exits 1). Every error case was re-run as a separate `dbt -q ls` process to confirm exit code and message.
* `lines`: the printed lines in dbt's order (sorted by unique_id, formatted per `--output`): the `msg`
  of every `PrintEvent` of the invocation, which is exactly what `dbt -q ls` writes to stdout.
* `warnings`: the `msg` of every warn-level event of the `ls` invocation, in order, with dbt's leading
  `[WARNING]: ` tag removed, e.g. `The selection criterion 'x' does not match any enabled nodes`
  (`NoNodesForSelectionCriteria`, one per `--select`/`--exclude` token whose direct match is empty
  before resource-type filtering), `No nodes selected!` (`NoNodesSelected`), deprecation warnings
  (`--models`), `The --select and --exclude arguments are being ignored ...` (with `--selector`).
  Parse-time warnings are not part of it (the project is parsed once, before the cases).
  `dbt -q` does not print warnings; with the text log they appear as `[WARNING]: <text>`.
* `error`: `null`, or the first line of the error message: for dbt exceptions the line under the
  `Runtime Error` (or other) header that dbt prints after `Encountered an error:`, e.g.
  `'tagg' is not a valid method name`; for usage errors click's message that dbt prints after
  `Error: `, e.g. `Invalid value for '--output': 'bogus' is not one of 'json', 'name', 'path', 'selector'.`

## Projects

* `demo`: `demo/` copied without `target/`, `artifacts/`, `logs/`. Its parsed node ids equal
  `demo/artifacts/clean-build/manifest.json` (checked by the script: {checks['demo']}).
* `state`: the same copy with the three edits of `demo/artifacts/state/CHANGES.md` (the same text
  replacements as `scripts/gen-demo-fixtures`, listed in `projects.json`); its parse equals
  `demo/artifacts/state/current/manifest.json` node for node (ids, checksums, raw code, configs,
  dependencies, macros: {checks['state']}). `--state` dir: a directory holding only
  `demo/artifacts/state/prod/manifest.json` as `manifest.json`.
* `result`: `demo/` copied, `--state` dir holding `demo/artifacts/failed-build/manifest.json`,
  `run_results.json` and `sources.json` (the previous freshness run, `web.web_events` stale), and the
  project's current `target/sources.json` = `demo/artifacts/clean-build/sources.json` (fresh loads).
  So `source_status:fresher` compares clean-build (current) against failed-build (previous); only
  `web.web_events` is fresher. All four files are committed demo artifacts; nothing is copied here.
* `large`: `scripts/gen-large-project --models 500` (seed 42, deterministic), copied without `target/`.

## How the output is captured

One Python process with the venv's python and dbt's programmatic entry point, one parse per project:

```python
parsed = dbtRunner().invoke(["parse", "--quiet", "--no-partial-parse", "--project-dir", P, "--profiles-dir", P])
runner = dbtRunner(manifest=parsed.result, callbacks=[events.append])
res = runner.invoke(["ls", "--quiet", *args, "--project-dir", P, "--profiles-dir", P, *state])
lines = [e.info.msg for e in events if e.info.name == "PrintEvent"]      # == res.result
warnings = [e.info.msg for e in events if e.info.level == "warn"]        # "[WARNING]: " removed
```

`dbt.deprecations.reset_deprecations()` runs before each invocation (deprecations otherwise warn
once per process). The harness-added options come after the case's `args` (an option like
`--output-keys` is greedy, so nothing is appended in between).

A full regeneration takes about two minutes of in-process work (four parses, then roughly 0.15 s
per case) plus about 5 s per error case for the live confirmation (`--no-live-errors` skips it).

### Live checks

* `--verify N`: after generating, re-run N random successful cases as separate processes.
* `--check-only --ids a,b` or `--check-only --sample N`: write nothing; check committed goldens.

Each checked case runs `dbt -q ls ...` (stdout lines and exit code must equal the golden; for
errors the error line) and `dbt --log-format json ls ...` (`PrintEvent` messages and warn-level
events must equal `lines`/`warnings`; warnings fired while the process parses the project, between
`AdapterRegistered` and `FoundStats`, are ignored: e.g. `UpcomingReferenceDeprecation` for
`mkt_customer_acquisition`'s ref to `dim_customers.v1`). One live case takes about 4-5 s on the
demo projects once the copy has a partial-parse file (9-10 s for the first one in a fresh copy, 17 s
on `large`), so CI can afford a sample of a few cases.

## dbt behaviour worth knowing (all recorded in the goldens)

* fqn (`fqn-018`, `fqn-055`..`fqn-062`): in 1.12.6 (not yet in 1.12.3) a glob selector without a dot is also matched against
  the leaf name (the model name `fqn[-2]` for versioned models), so `fct_*` and `dim_*` select
  models and tests; a dotted glob (`marts.core.dim_*`) only uses the dotted-fqn rule.
* `path:.` (`path-022`) crashes dbt on Python 3.11 (`pathlib.Path.glob('.')` raises IndexError,
  exit 2, message `tuple index out of range`); path globbing is pathlib's and may differ on other
  Python versions (the generator warns when it runs on another Python than the committed artifacts).
* `config.lookback:1` / `config.freshness.warn_after.count:12` match nothing (int configs are never
  equal to the string value); booleans compare case-insensitively; `config.severity` is
  case-insensitive; dicts only by descending.
* `test_type:` is a substring test for `data`/`singular`/`unit` (`test_type:a` = data, `test_type:u`
  = singular, `test_type:ni` = unit, `test_type:` = data) but exact for `generic`/`schema`
  (`test_type:gen` is an error).
* YAML selectors (`--selector`) never emit "does not match any enabled nodes"; `--selector` with
  `--select`/`--exclude` warns that those are ignored; `--models`/`-m` emits a deprecation warning
  and, at the end, the deprecation summary (both are warn-level events, so both are in `warnings`).
* `result:no-op` selects the two exposures whose run status was `no-op`; `source_status:` values
  other than `fresher` select nothing without error; `result:`/`state:` values are case-sensitive
  (`state:Modified` is an error, `result:Error` selects nothing).
* `-o` is not an option of `ls` (usage error); `--output-keys` is ignored unless `--output json`.

## Counts

{len(cases)} cases ({projs}); {total_empty} succeed with no output, {total_err} are errors.

| category | what | cases | empty | errors |
|----------|------|------:|------:|-------:|
{rows}
"""
    (dest / "README.md").write_text(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, help="repository root")
    ap.add_argument("--dbt", required=True, help="the pinned dbt executable (for live checks)")
    ap.add_argument("--out", help="output directory (default graph/src/test/resources/conformance)")
    ap.add_argument("--workdir", help="keep the temporary projects here instead of a temp dir")
    ap.add_argument("--verify", type=int, default=0, metavar="N",
                    help="after generating, re-run N random successful cases as separate dbt processes")
    ap.add_argument("--no-live-errors", action="store_true",
                    help="do not re-run error cases as separate dbt processes")
    ap.add_argument("--check-only", action="store_true",
                    help="write nothing; compare committed goldens with live `dbt -q ls` processes")
    ap.add_argument("--ids", help="with --check-only: comma-separated case ids")
    ap.add_argument("--sample", type=int, default=0, help="with --check-only: N random cases")
    ap.add_argument("--projects", help="only these projects (comma-separated; for debugging, writes nothing)")
    opts = ap.parse_args()

    t_start = time.time()
    root = pathlib.Path(opts.root).resolve()
    dest = pathlib.Path(opts.out).resolve() if opts.out else root / "graph/src/test/resources/conformance"
    demo_src = root / "demo"
    arts = demo_src / "artifacts"

    define_cases()
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"

    work = pathlib.Path(opts.workdir).resolve() if opts.workdir else pathlib.Path(tempfile.mkdtemp(prefix="selector-goldens."))
    if opts.workdir and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        return run(opts, root, dest, demo_src, arts, work, t_start)
    finally:
        if not opts.workdir:
            shutil.rmtree(work, ignore_errors=True)


def build_projects(root, demo_src, arts, work, wanted):
    demo_excludes = {"target", "artifacts", "logs", "dbt_packages"}
    projects = {}
    if "demo" in wanted:
        copy_project(demo_src, work / "demo", demo_excludes)
        projects["demo"] = Project("demo", work / "demo", None)
    if "state" in wanted:
        copy_project(demo_src, work / "state", demo_excludes)
        apply_state_edits(work / "state")
        sd = work / "state-dir-state"
        sd.mkdir()
        shutil.copy(arts / "state/prod/manifest.json", sd / "manifest.json")
        projects["state"] = Project("state", work / "state", sd)
    if "result" in wanted:
        copy_project(demo_src, work / "result", demo_excludes)
        sd = work / "state-dir-result"
        sd.mkdir()
        for f in ["manifest.json", "run_results.json", "sources.json"]:
            shutil.copy(arts / "failed-build" / f, sd / f)
        (work / "result/target").mkdir()
        shutil.copy(arts / "clean-build/sources.json", work / "result/target/sources.json")
        projects["result"] = Project("result", work / "result", sd)
    if "large" in wanted:
        p = subprocess.run([str(root / "scripts/gen-large-project"), "--models", "500"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"gen-selector-goldens: gen-large-project failed:\n{p.stderr}")
        large_src = pathlib.Path(p.stdout.strip().splitlines()[-1])
        copy_project(large_src, work / "large", {"target", "logs", "dbt_packages"})
        projects["large"] = Project("large", work / "large", None)
    return projects


def run(opts, root, dest, demo_src, arts, work, t_start):
    from dbt.version import __version__ as core_version
    from dbt.adapters.duckdb.__version__ import version as duckdb_version
    if core_version != "1.12.6" or duckdb_version != "1.11.1":
        sys.exit(f"gen-selector-goldens: expected dbt-core 1.12.6 + dbt-duckdb 1.11.1, got {core_version} + {duckdb_version}")

    import platform
    pinned_py = [l.split()[1] for l in (arts / "DBT_VERSION").read_text().splitlines() if l.startswith("python ")]
    if pinned_py and pinned_py[0] != platform.python_version():
        # path: globbing is pathlib's and differs between Python versions (see case path:.)
        log(f"gen-selector-goldens: WARNING: dbt runs on Python {platform.python_version()}, the committed "
            f"artifacts were made with {pinned_py[0]}; path: results may differ")

    wanted = set(opts.projects.split(",")) if opts.projects else {"demo", "state", "result", "large"}
    cases = [c for c in CASES if c["project"] in wanted]

    if opts.check_only:
        return check_only(opts, root, dest, demo_src, arts, work)

    log(f"==> building projects in {work}")
    projects = build_projects(root, demo_src, arts, work, wanted)

    log("==> parsing (dbt parse --no-partial-parse, in-process)")
    t_parse = time.time()
    checks = {}
    for name, proj in projects.items():
        proj.parse()
    parse_secs = time.time() - t_parse

    log("==> checking parsed manifests against the committed artifacts")
    if "demo" in projects:
        d = compare_manifests("demo vs clean-build", manifest_dict(projects["demo"]),
                              json.loads((arts / "clean-build/manifest.json").read_text()), deep=False)
        checks["demo"] = "identical ids in " + ", ".join(COLLECTIONS) if not d else "DIFFERENT: " + "; ".join(d[:10])
        log("   demo:", checks["demo"])
    if "state" in projects:
        d = compare_manifests("state vs state/current", manifest_dict(projects["state"]),
                              json.loads((arts / "state/current/manifest.json").read_text()), deep=True)
        checks["state"] = "identical" if not d else "DIFFERENT: " + "; ".join(d[:10])
        log("   state:", checks["state"])
        if d:
            sys.exit("gen-selector-goldens: the state project does not reproduce state/current/manifest.json")
    if "result" in projects:
        d = compare_manifests("result vs clean-build", manifest_dict(projects["result"]),
                              json.loads((arts / "clean-build/manifest.json").read_text()), deep=False)
        log("   result:", "identical ids" if not d else "DIFFERENT: " + "; ".join(d[:10]))

    log(f"==> running {len(cases)} cases in-process")
    goldens = []
    t_cases = time.time()
    for c in cases:
        g = projects[c["project"]].ls(c["args"])
        goldens.append({"id": c["id"], **g})
    cases_secs = time.time() - t_cases
    log(f"   {len(cases)} cases in {cases_secs:.1f}s (parsing took {parse_secs:.1f}s)")

    # Error cases: confirm exit code and message with real dbt processes.
    live_problems = []
    if not opts.no_live_errors:
        errs = [(c, g) for c, g in zip(cases, goldens) if g["exit"] != 0]
        log(f"==> re-running the {len(errs)} error cases as separate `dbt -q ls` processes")
        for c, g in errs:
            problems, secs = live_check(opts.dbt, projects[c["project"]], c, g)
            if problems:
                live_problems.append(f"{c['id']} {c['args']}: " + "; ".join(problems))
            log(f"   {c['id']}: {'OK' if not problems else 'MISMATCH ' + '; '.join(problems)} ({secs:.1f}s)")
    if opts.verify:
        rng = random.Random(opts.verify)
        ok = [(c, g) for c, g in zip(cases, goldens) if g["exit"] == 0]
        sample = rng.sample(ok, min(opts.verify, len(ok)))
        log(f"==> verifying {len(sample)} random cases against separate `dbt -q ls` processes")
        for c, g in sample:
            problems, secs = live_check(opts.dbt, projects[c["project"]], c, g, with_json=True)
            if problems:
                live_problems.append(f"{c['id']} {c['args']}: " + "; ".join(problems))
            log(f"   {c['id']} ({c['project']}, {len(g['lines'])} lines): {'OK' if not problems else 'MISMATCH ' + '; '.join(problems)} ({secs:.1f}s)")
    if live_problems:
        log("gen-selector-goldens: live dbt disagrees with the in-process result:\n  " + "\n  ".join(live_problems))
        sys.exit(1)

    if opts.projects:
        log("==> --projects given: nothing written")
        for c, g in zip(cases, goldens):
            print(c["id"], c["args"], json.dumps({k: g[k] for k in ("exit", "warnings", "error")}), len(g["lines"]))
        return 0

    dest.mkdir(parents=True, exist_ok=True)
    with open(dest / "cases.jsonl", "w") as f:
        for c in cases:
            f.write(dumps(c) + "\n")
    with open(dest / "golden.jsonl", "w") as f:
        for g in goldens:
            f.write(dumps(g) + "\n")
    with open(dest / "projects.json", "w") as f:
        f.write(json.dumps(PROJECTS_DOC, indent=2) + "\n")
    versions = "\n".join(f"    {line}" for line in (arts / "DBT_VERSION").read_text().splitlines())
    write_readme(dest, cases, goldens, versions, checks)
    log(f"==> wrote {len(cases)} cases to {dest} in {time.time() - t_start:.0f}s")
    return 0


def check_only(opts, root, dest, demo_src, arts, work):
    cases = [json.loads(l) for l in (dest / "cases.jsonl").read_text().splitlines()]
    goldens = {g["id"]: g for g in map(json.loads, (dest / "golden.jsonl").read_text().splitlines())}
    if opts.ids:
        wanted_ids = set(opts.ids.split(","))
        chosen = [c for c in cases if c["id"] in wanted_ids]
    else:
        rng = random.Random()
        chosen = rng.sample(cases, min(opts.sample or 5, len(cases)))
    projects = build_projects(root, demo_src, arts, work, {c["project"] for c in chosen})
    bad = 0
    for c in chosen:
        problems, secs = live_check(opts.dbt, projects[c["project"]], c, goldens[c["id"]], with_json=True)
        bad += bool(problems)
        log(f"   {c['id']} {c['args']}: {'OK' if not problems else 'MISMATCH ' + '; '.join(problems)} ({secs:.1f}s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
