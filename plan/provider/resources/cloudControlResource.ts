// `aws.cloudcontrol.Resource`: hashicorp/terraform-provider-aws internal/service/cloudcontrol/resource.go (v6, as read at
// ffded4b8 with the same logic at ecd52897 and 02fe3b28), as @pulumi/aws 7.48.0 bundles it (./index.ts), bridged by
// pulumi-aws with its token only
// (provider/resources.go). Any CloudFormation registry type through AWS Cloud Control API: `desiredState` is the
// resource's model as a JSON string; a change to it is an UpdateResource with a JSON Patch (./../jsonpatch.ts) unless a
// patched path is one of the type's create-only properties, which replaces the resource. Behaviours copied, each from
// that file unless said otherwise:
//  - `typeName` is the only ForceNew attribute; `desiredState`, `roleArn`, `typeVersionId` and `schema` update in place;
//    `schema` is Optional+Computed+Sensitive (the SDK marks it secret), `properties` Computed.
//  - CustomizeDiff (at every plan, so at preview too): the type's schema is `schema` if given or already in the state,
//    else CloudFormation DescribeType (Type RESOURCE, TypeName only); a known `desiredState` is validated against it;
//    for an existing resource whose `desiredState` changed, each patch path is compared with the create-only properties
//    by exact string match after `/properties` is stripped (hashicorp/aws-cloudformation-resource-schema-sdk-go
//    PropertyJsonPointer.EqualsStringPath): `replace /ServiceArn` replaces the resource, `replace /Tags/0/Value` does not.
//  - Create: CreateResource with a new ClientToken; the id is the first progress event's Identifier, set before the wait
//    (so a create that fails later leaves the resource in the state); the wait polls GetResourceRequestStatus (PENDING
//    and IN_PROGRESS pending, SUCCESS the target, FAILED an error with `<ErrorCode>: <StatusMessage>`), 2 hours by default.
//  - Read: GetResource, which sets `properties` only, never `desiredState` (a change made outside Pulumi is not a diff);
//    not found (ResourceNotFoundException, or an error whose text contains "not found") removes it on a refresh.
//  - Update: only when `desiredState` changed: UpdateResource with the patch, the same wait, then Read.
//  - Delete: DeleteResource, then the wait; a FAILED event with ErrorCode NotFound counts as deleted.
//  - No Importer: on an import (Pulumi's `import` option, `pulumi import`) the bridge's importer finds none and answers
//    an empty Read (pulumi-terraform-bridge pkg/tfbridge/provider.go Read and the SDKv2 shim), so the engine refuses the
//    import with "resource '<id>' does not exist" (pulumi/pulumi pkg/resource/deploy/step.go ImportStep).
//  - A failed update keeps the planned values (terraform-plugin-sdk#476: no d.Partial), `properties` unknown (it is
//    ComputedIf the desired state changed), and the bridge answers them as a partial result (provider.go Update).
import Ajv from "ajv";
import { randomUUID } from "node:crypto";
import { Ctx, PartialCreate, SdkError, hasCode, waitFor } from "../context";
import { createPatch } from "../jsonpatch";
import { isUnknown } from "../check";
import { io, out, str } from "../schema";
import { ResourceType, State, region } from "./common";

const TYPE_NAME = /^[0-9A-Za-z]{2,64}::[0-9A-Za-z]{2,64}::[0-9A-Za-z]{2,64}$/;
/** The waits' default timeout (schema.DefaultTimeout(2 * time.Hour) for create, update and delete). */
const TIMEOUT_MS = 2 * 60 * 60_000;

const ajv = new Ajv({ strict: false, allErrors: false, unicodeRegExp: false });

/** The type's schema as the diff and create use it: given, kept in the state, or from CloudFormation DescribeType. */
async function schemaOf(ctx: Ctx, typeName: string, given?: string): Promise<string> {
    if (given) return given;
    try {
        return (await ctx.call("cloudformation", "DescribeType", { Type: "RESOURCE", TypeName: typeName })).Schema;
    } catch (e) {
        throw new SdkError(`reading CloudFormation Type (${typeName}): ${(e as Error).message}`, (e as SdkError).code);
    }
}

/**
 * `desiredState` checked against the type's schema, its read-only properties left out of it (cfschema
 * ValidateConfigurationDocument, through gojsonschema; the wording of each violation is the model's, unverified).
 */
function validate(schemaText: string, desired: string): void {
    const schema = JSON.parse(schemaText);
    let doc: unknown;
    try {
        doc = JSON.parse(desired);
    } catch (e) {
        throw new Error(`validating desired_state against CloudFormation Resource Schema: ${(e as Error).message}`, { cause: e });
    }
    const readOnly = (schema.readOnlyProperties ?? []).map((p: string) => p.replace("/properties/", ""));
    const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !readOnly.includes(k)));
    const check = ajv.compile({
        type: "object",
        properties,
        definitions: schema.definitions,
        required: (schema.required ?? []).filter((k: string) => !readOnly.includes(k)),
        additionalProperties: schema.additionalProperties,
    });
    if (!check(doc)) {
        const e = check.errors![0];
        const where = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(root)";
        throw new Error(`validating desired_state against CloudFormation Resource Schema: ${where}: ${e.message}`);
    }
}

/** Create-only properties a change of the desired state touches, by exact path (IsCreateOnlyPropertyPath). */
function createOnlyChanged(schemaText: string, olds: string, news: string): boolean {
    const createOnly: string[] = JSON.parse(schemaText).createOnlyProperties ?? [];
    return createPatch(olds, news).some((op) => createOnly.some((p) => p.replace(/^\/properties/, "") === op.path));
}

async function waitProgress(ctx: Ctx, what: string, token: string): Promise<Record<string, any>> {
    let last: Record<string, any> = {};
    try {
        await waitFor(ctx, what, {
            pending: ["PENDING", "IN_PROGRESS"],
            target: ["SUCCESS"],
            timeoutMs: TIMEOUT_MS,
            // No Delay or PollInterval is set: the default backoff, doubling from 200 ms to at most 10 s (internal/retry).
            pollMs: 5_000,
            refresh: async () => {
                try {
                    last = (await ctx.call("cloudcontrol", "GetResourceRequestStatus", { RequestToken: token })).ProgressEvent;
                } catch (e) {
                    if (hasCode(e, "RequestTokenNotFoundException")) return undefined;
                    throw e;
                }
                return last.OperationStatus;
            },
        });
    } catch (e) {
        // A FAILED event sets the wait's last error to "<ErrorCode>: <StatusMessage>" (statusProgressEventOperation).
        const message = (e as Error).message.replace(
            "last error: %!s(<nil>)",
            `last error: ${last.ErrorCode}: ${last.StatusMessage ?? ""}`,
        );
        throw Object.assign(new SdkError(message, last.ErrorCode), { event: last });
    }
    return last;
}

export const cloudControlResource: ResourceType = {
    importable: false,
    schema: {
        token: "aws:cloudcontrol/resource:Resource",
        properties: {
            desiredState: io(str, { required: true, alwaysOut: true }),
            roleArn: io(str),
            schema: io(str, { computed: true, alwaysOut: true }),
            typeName: io(str, {
                required: true,
                forceNew: true,
                alwaysOut: true,
                validate: (v) =>
                    TYPE_NAME.test(String(v))
                        ? undefined
                        : `invalid value for type_name (must be three alphanumeric sections separated by double colons (::))`,
            }),
            typeVersionId: io(str),
            region: region(),
            properties: out(str),
        },
    },
    async customizeDiff(ctx, state, news, changes) {
        const desired = news.desiredState;
        // An unknown desired state is neither validated nor judged (`desired_state can be empty if unknown`).
        if (typeof desired !== "string" || desired === "" || isUnknown(desired)) return {};
        const schema = await schemaOf(ctx, news.typeName, news.schema || state.schema);
        validate(schema, desired);
        const replace = changes.includes("desiredState") && createOnlyChanged(schema, state.desiredState, desired);
        return { replaces: replace ? ["desiredState"] : [] };
    },
    async create(ctx, inputs) {
        const schema = await schemaOf(ctx, inputs.typeName, inputs.schema);
        validate(schema, inputs.desiredState);
        const { ProgressEvent: first } = await ctx.call("cloudcontrol", "CreateResource", {
            ClientToken: randomUUID(),
            DesiredState: inputs.desiredState,
            TypeName: inputs.typeName,
            ...(inputs.roleArn ? { RoleArn: inputs.roleArn } : {}),
            ...(inputs.typeVersionId ? { TypeVersionId: inputs.typeVersionId } : {}),
        });
        // "Always try to capture the identifier before returning errors."
        let id: string = first.Identifier ?? "";
        try {
            const done = await waitProgress(
                ctx,
                `waiting for Cloud Control API (${inputs.typeName}) Resource (${id}) create`,
                first.RequestToken,
            );
            id ||= done.Identifier;
        } catch (e) {
            // The wait's error already reads "waiting for Cloud Control API (<type>) Resource (<id>) create: …".
            if (id) throw new PartialCreate(id, { ...inputs, schema, properties: "" }, (e as Error).message);
            throw e;
        }
        return { id, state: (await this.read(ctx, id, { ...inputs, schema }))! };
    },
    async read(ctx, id, inputs) {
        let r;
        try {
            r = await ctx.call("cloudcontrol", "GetResource", { TypeName: inputs!.typeName, Identifier: id });
        } catch (e) {
            if (hasCode(e, "ResourceNotFoundException") || /not found/.test((e as Error).message)) return undefined;
            throw new SdkError(`reading Cloud Control API (${inputs!.typeName}) Resource (${id}): ${(e as Error).message}`);
        }
        return { ...pick(inputs!), region: ctx.region, properties: r.ResourceDescription.Properties };
    },
    async update(ctx, id, olds, news) {
        if (news.desiredState !== olds.desiredState) {
            const patch = createPatch(olds.desiredState, news.desiredState);
            const { ProgressEvent: first } = await ctx.call("cloudcontrol", "UpdateResource", {
                ClientToken: randomUUID(),
                Identifier: id,
                PatchDocument: JSON.stringify(patch),
                TypeName: news.typeName,
                ...(news.roleArn ? { RoleArn: news.roleArn } : {}),
                ...(news.typeVersionId ? { TypeVersionId: news.typeVersionId } : {}),
            });
            await waitProgress(ctx, `waiting for Cloud Control API (${news.typeName}) Resource (${id}) update`, first.RequestToken);
        }
        return (await this.read(ctx, id, { ...olds, ...news, schema: news.schema || olds.schema }))!;
    },
    failedUpdateState(olds, news) {
        return {
            ...olds,
            ...news,
            schema: news.schema || olds.schema,
            properties: news.desiredState !== olds.desiredState ? "" : olds.properties,
        };
    },
    async delete(ctx, id, olds) {
        const { ProgressEvent: first } = await ctx.call("cloudcontrol", "DeleteResource", {
            ClientToken: randomUUID(),
            Identifier: id,
            TypeName: olds.typeName,
            ...(olds.roleArn ? { RoleArn: olds.roleArn } : {}),
        });
        try {
            await waitProgress(ctx, `waiting for Cloud Control API (${olds.typeName}) Resource (${id}) delete`, first.RequestToken);
        } catch (e) {
            if ((e as { event?: Record<string, any> }).event?.ErrorCode === "NotFound") return;
            throw e;
        }
    },
};

/** The inputs the state keeps beside what Read sets. */
function pick(s: State): State {
    const kept: State = {};
    for (const k of ["desiredState", "roleArn", "schema", "typeName", "typeVersionId"])
        if (s[k] !== undefined && s[k] !== "") kept[k] = s[k];
    return kept;
}
