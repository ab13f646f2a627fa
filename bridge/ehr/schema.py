"""The subset of OpenEMR's schema the bridge reads and writes.

Provenance: declared by hand from OpenEMR 8.2.0-dev ``sql/database.sql`` (v_database 541)
and the phq9/gad7 ``table.sql`` files, mapping only the columns the bridge uses; checked
against 7.0.x by INTEGRATION.md section 12. ``tests/bridge/ehr/test_schema.py`` reflects a
real OpenEMR database and fails when a declared column is missing or of another kind.
Optional columns (added after 7.0.2) are not declared here; ``bridge.ehr.version`` probes
them. This MetaData is never used to create tables.
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
)

openemr = MetaData()
# tables a supported release may lack (questionnaires arrived in 7.0.1); their features switch off
OPTIONAL_TABLES = frozenset({"questionnaire_response"})


def _t(name: str, *cols: Column) -> Table:
    return Table(name, openemr, *cols)


forms = _t(
    "forms",
    Column("id", BigInteger, primary_key=True), Column("date", DateTime),
    Column("encounter", BigInteger), Column("form_name", Text), Column("form_id", BigInteger),
    Column("pid", BigInteger), Column("user", String(255)), Column("groupname", String(255)),
    Column("authorized", SmallInteger), Column("deleted", SmallInteger), Column("formdir", Text),
    Column("therapy_group_id", Integer), Column("issue_id", BigInteger),
    Column("provider_id", BigInteger),
)
lbf_data = _t(
    "lbf_data",
    Column("form_id", Integer, primary_key=True, autoincrement=True),
    Column("field_id", String(31), primary_key=True), Column("field_value", Text),
)
layout_group_properties = _t(
    "layout_group_properties",
    Column("grp_form_id", String(31), primary_key=True),
    Column("grp_group_id", String(31), primary_key=True), Column("grp_title", String(63)),
    Column("grp_mapping", String(31)), Column("grp_seq", Integer), Column("grp_activity", SmallInteger),
    Column("grp_columns", Integer), Column("grp_size", Integer), Column("grp_aco_spec", String(63)),
    Column("grp_last_update", DateTime),
)
layout_options = _t(
    "layout_options",
    Column("form_id", String(31), primary_key=True), Column("field_id", String(31), primary_key=True),
    Column("seq", Integer, primary_key=True), Column("group_id", String(31)), Column("title", Text),
    Column("data_type", SmallInteger), Column("uor", SmallInteger), Column("fld_length", Integer),
    Column("max_length", Integer), Column("list_id", String(100)), Column("titlecols", SmallInteger),
    Column("datacols", SmallInteger), Column("edit_options", String(36)), Column("description", Text),
    Column("fld_rows", Integer), Column("source", String(1)), Column("conditions", Text),
)
list_options = _t(
    "list_options",
    Column("list_id", String(100), primary_key=True), Column("option_id", String(100), primary_key=True),
    Column("title", String(255)), Column("seq", Integer), Column("activity", SmallInteger),
)
esign_signatures = _t(
    "esign_signatures",
    Column("id", Integer, primary_key=True), Column("tid", Integer), Column("table", String(255)),
    Column("uid", Integer), Column("datetime", DateTime), Column("is_lock", SmallInteger),
    Column("hash", String(255)),
)
form_encounter = _t(
    "form_encounter",
    Column("id", BigInteger, primary_key=True), Column("date", DateTime), Column("reason", Text),
    Column("facility", Text), Column("facility_id", Integer), Column("pid", BigInteger),
    Column("encounter", BigInteger), Column("provider_id", Integer), Column("pc_catid", Integer),
)
sequences = _t("sequences", Column("id", Integer))
log = _t(
    "log",
    Column("id", BigInteger, primary_key=True), Column("date", DateTime), Column("event", String(255)),
    Column("category", String(255)), Column("user", String(255)), Column("groupname", String(255)),
    Column("comments", Text), Column("user_notes", Text), Column("patient_id", BigInteger),
    Column("success", SmallInteger), Column("crt_user", String(255)), Column("log_from", String(20)),
    Column("menu_item_id", Integer), Column("ccda_doc_id", Integer),
)
log_comment_encrypt = _t(
    "log_comment_encrypt",
    Column("id", Integer, primary_key=True), Column("log_id", Integer), Column("encrypt", String(3)),
    Column("checksum", Text), Column("checksum_api", Text), Column("version", SmallInteger),
)
extended_log = _t(
    "extended_log",
    Column("id", BigInteger, primary_key=True), Column("date", DateTime), Column("event", String(255)),
    Column("user", String(255)), Column("recipient", String(255)), Column("description", Text),
    Column("patient_id", BigInteger),
)
pnotes = _t(
    "pnotes",
    Column("id", BigInteger, primary_key=True), Column("date", DateTime), Column("body", Text),
    Column("pid", BigInteger), Column("user", String(255)), Column("groupname", String(255)),
    Column("activity", SmallInteger), Column("authorized", SmallInteger), Column("title", String(255)),
    Column("assigned_to", String(255)), Column("deleted", SmallInteger),
    Column("message_status", String(20)),
)
users = _t(
    "users",
    Column("id", BigInteger, primary_key=True), Column("username", String(255)),
    Column("authorized", SmallInteger), Column("active", SmallInteger), Column("fname", String(255)),
    Column("mname", String(255)), Column("lname", String(255)), Column("suffix", String(255)),
    Column("title", String(30)), Column("valedictory", String(255)), Column("npi", String(15)),
    Column("facility_id", Integer), Column("calendar", SmallInteger), Column("see_auth", Integer),
    Column("info", Text), Column("abook_type", String(31)), Column("portal_user", SmallInteger),
)
groups = _t(
    "groups",
    Column("id", BigInteger, primary_key=True), Column("name", Text), Column("user", Text),
)
patient_data = _t(
    "patient_data",
    Column("id", BigInteger), Column("pid", BigInteger), Column("pubpid", String(255)),
    Column("title", String(255)), Column("fname", String(255)), Column("mname", String(255)),
    Column("lname", String(255)), Column("DOB", Date), Column("ss", String(255)),
    Column("drivers_license", String(255)), Column("street", String(255)),
    Column("city", String(255)), Column("state", String(255)), Column("postal_code", String(255)),
    Column("county", String(40)), Column("phone_home", String(255)), Column("phone_biz", String(255)),
    Column("phone_contact", String(255)), Column("phone_cell", String(255)),
    Column("email", String(255)), Column("email_direct", String(255)),
    Column("mothersname", String(255)), Column("guardiansname", Text),
    Column("guardianaddress", Text), Column("guardiancity", Text), Column("guardianphone", Text),
    Column("guardianworkphone", Text), Column("guardianemail", Text), Column("guardianpostalcode", Text),
    Column("contact_relationship", String(255)), Column("occupation", Text),
    Column("providerID", Integer), Column("allow_patient_portal", String(31)),
)
insurance_data = _t(
    "insurance_data",
    Column("id", BigInteger, primary_key=True), Column("pid", BigInteger), Column("provider", String(255)),
    Column("plan_name", String(255)), Column("policy_number", String(255)),
    Column("group_number", String(255)), Column("subscriber_fname", String(255)),
    Column("subscriber_mname", String(255)), Column("subscriber_lname", String(255)),
    Column("subscriber_ss", String(255)), Column("subscriber_DOB", Date),
    Column("subscriber_street", String(255)), Column("subscriber_phone", String(255)),
    Column("subscriber_employer", String(255)),
)
employer_data = _t(
    "employer_data",
    Column("id", BigInteger, primary_key=True), Column("pid", BigInteger), Column("name", String(255)),
    Column("street", String(255)), Column("city", String(255)), Column("postal_code", String(255)),
    Column("date", DateTime),
)
facility = _t(
    "facility",
    Column("id", Integer, primary_key=True), Column("name", String(255)), Column("street", String(255)),
    Column("city", String(255)), Column("postal_code", String(11)), Column("phone", String(30)),
    Column("fax", String(30)), Column("email", String(255)),
)
lists = _t(
    "lists",
    Column("id", BigInteger, primary_key=True), Column("date", DateTime), Column("type", String(255)),
    Column("title", String(255)), Column("begdate", DateTime), Column("enddate", DateTime),
    Column("diagnosis", String(255)), Column("activity", SmallInteger), Column("pid", BigInteger),
    Column("comments", Text),
)
globals_ = _t(
    "globals",
    Column("gl_name", String(63), primary_key=True), Column("gl_index", Integer, primary_key=True),
    Column("gl_value", String(255)),
)
version = _t(
    "version",
    Column("v_major", Integer), Column("v_minor", Integer), Column("v_patch", Integer),
    Column("v_realpatch", Integer), Column("v_tag", String(31)), Column("v_database", Integer),
)
questionnaire_response = _t(
    "questionnaire_response",
    Column("id", BigInteger, primary_key=True), Column("response_id", String(255)),
    Column("questionnaire_name", String(255)), Column("patient_id", Integer),
    Column("encounter", Integer), Column("create_time", DateTime), Column("status", String(63)),
    Column("questionnaire_response", Text),
)
openemr_postcalendar_events = _t(
    "openemr_postcalendar_events",
    Column("pc_eid", Integer, primary_key=True), Column("pc_catid", Integer),
    Column("pc_aid", String(30)), Column("pc_pid", String(11)), Column("pc_title", String(150)),
    Column("pc_eventDate", Date), Column("pc_startTime", Time),
    Column("pc_apptstatus", String(15)), Column("pc_facility", Integer),
)
form_care_plan = _t(
    "form_care_plan",
    Column("id", BigInteger), Column("date", DateTime), Column("pid", BigInteger),
    Column("encounter", String(255)), Column("user", String(255)), Column("groupname", String(255)),
    Column("authorized", SmallInteger), Column("activity", SmallInteger), Column("code", String(255)),
    Column("codetext", Text), Column("description", Text), Column("care_plan_type", String(30)),
)
__all__ = [name for name, value in dict(globals()).items() if isinstance(value, Table)]
