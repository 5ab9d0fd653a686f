// Resource models checked against their registry schemas (JSON Schema draft-07, as Cloud Control validates them), and
// the JSON documents and patch paths Cloud Control's requests carry.
import Ajv from "ajv";
import { fail } from "./errors";
import { REGISTRY } from "./registry";

const ajv = new Ajv({ strict: false, allErrors: false, unicodeRegExp: false });
const validators = new Map<string, ReturnType<Ajv["compile"]>>();

/**
 * A model checked against its resource schema, read-only properties left out of it (CloudFormation's schema validation;
 * the message shape is CloudFormation's "#/<property>: failed validation constraint for keyword [<keyword>]", unverified for
 * Cloud Control).
 */
export function validateModel(typeName: string, model: unknown): void {
    const schema = REGISTRY[typeName];
    if (typeof model !== "object" || model === null || Array.isArray(model)) {
        fail("InvalidRequestException", "Model validation failed (#: expected type: JSONObject)");
    }
    const readOnly = schema.readOnlyProperties.map((p) => p.replace("/properties/", ""));
    const given = Object.keys(model as object).filter((k) => readOnly.includes(k));
    if (given.length > 0) fail("InvalidRequestException", `Model validation failed (#: extraneous key [${given[0]}] is not permitted)`);
    let validate = validators.get(typeName);
    if (!validate) {
        const { properties, required, definitions, additionalProperties } = schema;
        validate = ajv.compile({ type: "object", properties, required, definitions, additionalProperties });
        validators.set(typeName, validate);
    }
    if (!validate(model)) {
        const e = validate.errors![0];
        const where = e.keyword === "additionalProperties" ? "" : e.instancePath;
        const detail =
            e.keyword === "additionalProperties"
                ? `extraneous key [${(e.params as { additionalProperty: string }).additionalProperty}] is not permitted`
                : e.keyword === "required"
                  ? `required key [${(e.params as { missingProperty: string }).missingProperty}] not found`
                  : `failed validation constraint for keyword [${e.keyword}]`;
        fail("InvalidRequestException", `Model validation failed (#${where}: ${detail})`);
    }
}

export function parseJson(member: string, text: unknown): any {
    try {
        return JSON.parse(String(text));
    } catch {
        return fail("InvalidRequestException", `${member} is not valid JSON (unverified text).`);
    }
}

/** A patch path's property (RFC 6901, relative to the schema's properties: Cloud Control's user guide). */
const patchedProperty = (path: string) => `/properties${path}`;
export const touches = (path: string, pointer: string) =>
    patchedProperty(path) === pointer || patchedProperty(path).startsWith(`${pointer}/`);
