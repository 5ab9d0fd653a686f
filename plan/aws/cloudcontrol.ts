// AWS Cloud Control API for the App Runner types (CloudFormation's DescribeType: ./cloudformation.ts): one handler per action, in the
// actions' request and response shapes. Sources, cited per rule: the Cloud Control API reference and its service model
// (botocore data/cloudcontrol/2021-09-30/service-2.json: shapes, errors, ProgressEvent, HandlerErrorCode), its user guide
// ("Updating a resource": RFC 6902 patches relative to the schema's properties), the CloudFormation registry schemas
// (./registry.ts), and the resource handlers Cloud Control runs for AWS::AppRunner::VpcIngressConnection
// (aws-cloudformation-resource-providers-apprunner, aws-apprunner-vpcingressconnection/src/main/java/.../
// CreateHandler.java, ReadHandler.java, UpdateHandler.java, DeleteHandler.java at 7b76641): which App Runner calls they
// make, how they map App Runner's errors to handler error codes, and when an operation has stabilized.
// Cloud Control runs a handler in the background: here its first call runs with the request, and its progress is read
// from the connection's status whenever GetResourceRequestStatus is asked (the handler's re-invocations).
// Texts no public source shows are marked "unverified".
import { applyPatch, Operation } from "fast-json-patch";
import { Account, ResourceRequest, VpcIngressConnection } from "./account";

export type { ResourceRequest } from "./account";
import { apprunner } from "./apprunner";
import { AwsError, fail, isAwsError } from "./errors";
import { hex } from "./ids";
import { REGISTRY } from "./registry";
import { parseJson, touches, validateModel } from "./cloudcontrolSchemas";

type Params = Record<string, any>;
export type CloudControlHandler = (account: Account, region: string, params: Params) => Record<string, any>;

const CONNECTION = "AWS::AppRunner::VpcIngressConnection";
const SERVICE = "AWS::AppRunner::Service";
/** `TypeName` (API model): three segments of 2 to 64 letters and digits. */
const TYPE_NAME = /^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$/;

// Every Cloud Control error carries one member, Message (API model); the texts below are the model's (unverified).
function checkTypeName(typeName: unknown, served: string[]): string {
    if (typeof typeName !== "string" || typeName.length < 10 || typeName.length > 196 || !TYPE_NAME.test(typeName)) {
        fail("InvalidRequestException", `1 validation error detected: Value '${typeName}' at 'typeName' failed to satisfy constraint`);
    }
    // TypeNotFoundException: "The specified extension doesn't exist in the CloudFormation registry." (404, API model). This
    // model serves the App Runner types only: any other type is refused as if it did not exist (a limit of the model).
    if (!served.includes(typeName as string)) {
        fail("TypeNotFoundException", `The type '${typeName}' cannot be found (this model serves ${served.join(" and ")}).`, 404);
    }
    return typeName as string;
}

function requests(account: Account): ResourceRequest[] {
    return (account.state.resourceRequests ??= []);
}

/** `RequestToken` (API model: 1 to 128 of `[-A-Za-z0-9+/=]`), in the shape of a UUID as Cloud Control's are. */
function newRequestToken(account: Account): string {
    const h = account.newAppRunnerId();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The connection's model as the read handler translates it (Translator.translateVpcIngressConnectionFromResponse). */
function connectionModel(c: VpcIngressConnection): Record<string, unknown> {
    return {
        VpcIngressConnectionArn: c.VpcIngressConnectionArn,
        VpcIngressConnectionName: c.VpcIngressConnectionName,
        ServiceArn: c.ServiceArn,
        Status: c.Status,
        DomainName: c.DomainName,
        IngressVpcConfiguration: { VpcId: c.IngressVpcConfiguration.VpcId, VpcEndpointId: c.IngressVpcConfiguration.VpcEndpointId },
    };
}

/**
 * The handler's NotFound, as Cloud Control wraps a handler failure (format from
 * aws-cloudformation/cloudformation-coverage-roadmap#2090): the service's own error, or the CloudFormation Java plugin's
 * NOT_FOUND text for a resource that is DELETED (unverified in this combination).
 */
/** The RequestToken a handler's error shows: a UUID, version 4 in shape, derived from the identifier. */
function handlerToken(identifier: string): string {
    const part = (seed: string, n: number) => hex(`${identifier}/${seed}`, n);
    return `${part("token", 8)}-${part("t2", 4)}-4${part("t3", 3)}-8${part("t4", 3)}-${part("t5", 12)}`;
}

function notFound(typeName: string, identifier: string, reason?: string): AwsError {
    const token = handlerToken(identifier);
    return new AwsError(
        "ResourceNotFoundException",
        `${typeName} Handler returned status FAILED: ` +
            `${reason ?? `Resource of type '${typeName}' with identifier '${identifier}' was not found.`} ` +
            `(HandlerErrorCode: NotFound, RequestToken: ${token})`,
        404,
    );
}

/**
 * App Runner's handlers in an account App Runner does not serve: each handler's first App Runner call is refused with
 * SubscriptionRequiredException, which the CloudFormation Java plugin reports as GeneralServiceException (its catch-all
 * for a service's exception; how Cloud Control words it then is unverified: the model says it as it wraps NotFound).
 */
function subscribed(account: Account): void {
    if (account.state.appRunnerSubscription === false) {
        throw new AwsError(
            "SubscriptionRequiredException",
            "The AWS Access Key Id needs a subscription for the service (Service: AppRunner, Status Code: 400)",
        );
    }
}

/** A handler's failure as GetResource answers it (GeneralServiceException: Cloud Control API reference, GetResource). */
function handlerFailed(typeName: string, identifier: string, e: AwsError): AwsError {
    const token = handlerToken(identifier);
    return new AwsError(
        "GeneralServiceException",
        `${typeName} Handler returned status FAILED: ${e.message} (HandlerErrorCode: GeneralServiceException, RequestToken: ${token})`,
    );
}

/** The error code a handler reports for App Runner's refusal of its call. */
const handlerCode = (e: AwsError, notFound = "ServiceInternalError") =>
    e.code === "SubscriptionRequiredException"
        ? "GeneralServiceException"
        : e.code === "ServiceQuotaExceededException"
          ? "ServiceLimitExceeded"
          : e.code === "ResourceNotFoundException"
            ? notFound
            : ["InvalidRequestException", "InvalidStateException"].includes(e.code)
              ? "InvalidRequest"
              : "ServiceInternalError";

/** The connection a request names, as the read handler finds it: DELETED or missing is not found (ReadHandler.java). */
function readConnection(account: Account, region: string, identifier: string): VpcIngressConnection {
    try {
        const found = apprunner.DescribeVpcIngressConnection(account, region, { VpcIngressConnectionArn: identifier }).VpcIngressConnection;
        if (found.Status !== "DELETED") return account.state.connections.find((c) => c.VpcIngressConnectionArn === identifier)!;
    } catch (e) {
        if (isAwsError(e) && e.code === "ResourceNotFoundException") throw notFound(CONNECTION, identifier, e.message);
        throw e;
    }
    throw notFound(CONNECTION, identifier);
}

// --- requests --------------------------------------------------------------------------------------------------------

/** A handler's failure at its first call: the request has failed, with the handler's error code and App Runner's reason. */
function failedAtOnce(request: ResourceRequest, code: string, e: unknown): ResourceRequest {
    // The handlers throw CloudFormation's exceptions (CfnInvalidRequestException, ...), whose messages the Java plugin
    // prefixes by kind, e.g. "Invalid request provided: " (cloudformation-java-plugin HandlerErrorCode; unverified here).
    const prefix: Record<string, string> = {
        InvalidRequest: "Invalid request provided: ",
        ServiceLimitExceeded: "Limit exceeded for resource of type 'AWS::AppRunner::VpcIngressConnection'. Reason: ",
        ServiceInternalError: "Internal error reported from downstream service during operation ",
        NotFound: "",
    };
    return Object.assign(request, {
        OperationStatus: "FAILED" as const,
        ErrorCode: code,
        StatusMessage: `${prefix[code] ?? ""}${(e as Error).message}`,
    });
}

/** A new request, or the one its client token already made (a token names one request for 36 hours: API reference). */
function newRequest(account: Account, region: string, p: Params, operation: ResourceRequest["Operation"], identifier?: string) {
    if (p.ClientToken !== undefined) {
        const earlier = requests(account).find((r) => r.ClientToken === p.ClientToken);
        if (earlier) {
            if (earlier.Operation !== operation || (identifier !== undefined && earlier.Identifier !== identifier)) {
                fail("ClientTokenConflictException", `The client token ${p.ClientToken} was already used in another request.`, 409);
            }
            return { request: earlier, repeated: true };
        }
    }
    // ConcurrentOperationException (409): "Another resource operation is currently being performed on this resource."
    if (identifier !== undefined && requests(account).some((r) => r.Identifier === identifier && statusOf(account, r) === "IN_PROGRESS")) {
        fail("ConcurrentOperationException", `Another resource operation is currently being performed on ${identifier}.`, 409);
    }
    const request: ResourceRequest = {
        RequestToken: newRequestToken(account),
        ...(p.ClientToken !== undefined ? { ClientToken: p.ClientToken } : {}),
        TypeName: p.TypeName,
        Operation: operation,
        ...(identifier !== undefined ? { Identifier: identifier } : {}),
        Region: region,
        EventTime: account.clock.now(),
    };
    requests(account).push(request);
    return { request, repeated: false };
}

/**
 * Where the handler stands (its stabilization checks): CREATE stabilizes when the connection leaves PENDING_CREATION
 * (SUCCESS if AVAILABLE), UPDATE when it leaves PENDING_UPDATE (SUCCESS if AVAILABLE), DELETE when it leaves
 * PENDING_DELETION (SUCCESS if DELETED). A settled outcome is kept.
 */
function statusOf(account: Account, r: ResourceRequest): "IN_PROGRESS" | "SUCCESS" | "FAILED" {
    if (r.OperationStatus) return r.OperationStatus;
    const c = account.state.connections.find((x) => x.VpcIngressConnectionArn === r.Identifier);
    const pending = { CREATE: "PENDING_CREATION", UPDATE: "PENDING_UPDATE", DELETE: "PENDING_DELETION" }[r.Operation];
    if (c && c.Status === pending) return "IN_PROGRESS";
    const success = r.Operation === "DELETE" ? !c || c.Status === "DELETED" : c?.Status === "AVAILABLE";
    if (success) {
        r.OperationStatus = "SUCCESS";
        if (r.Operation !== "DELETE") r.ResourceModel = JSON.stringify(connectionModel(c!));
    } else {
        // The handlers build a FAILED event with no error code or message (CreateHandler.java, UpdateHandler.java); what
        // Cloud Control reports then is unverified: this model says NotStabilized, with the status reached.
        r.OperationStatus = "FAILED";
        r.ErrorCode = "NotStabilized";
        r.StatusMessage =
            `Resource of type '${r.TypeName}' with identifier '${r.Identifier}' did not stabilize: its ` +
            `status is ${c?.Status ?? "unknown"}.`;
    }
    return r.OperationStatus;
}

function progressEvent(account: Account, r: ResourceRequest): Record<string, unknown> {
    const status = statusOf(account, r);
    return {
        TypeName: r.TypeName,
        ...(r.Identifier !== undefined ? { Identifier: r.Identifier } : {}),
        RequestToken: r.RequestToken,
        Operation: r.Operation,
        OperationStatus: status,
        // Timestamps travel as epoch seconds in AWS's JSON protocol.
        EventTime: r.EventTime / 1000,
        ...(r.ResourceModel !== undefined ? { ResourceModel: r.ResourceModel } : {}),
        ...(r.StatusMessage !== undefined ? { StatusMessage: r.StatusMessage } : {}),
        ...(r.ErrorCode !== undefined ? { ErrorCode: r.ErrorCode } : {}),
        // The handlers ask to be called again after 10 s while they wait (CALLBACK_DELAY_SECONDS).
        ...(status === "IN_PROGRESS" ? { RetryAfter: (account.clock.now() + 10_000) / 1000 } : {}),
    };
}

/**
 * The name the create handler gives a connection created without one: IdentifierUtils.generateResourceIdentifier(logical
 * id, client request token), at most 40 characters, the logical id cut and 12 random letters and digits after a hyphen
 * (cloudformation-resource-java-plugin). Which logical id Cloud Control passes is unverified: the model uses the type's
 * own name.
 */
function generatedName(account: Account, seed: string): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const h = hex(`${account.accountId}/${seed}`, 24);
    let suffix = "";
    for (let i = 0; i < 12; i++) suffix += alphabet[parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
    return `${"VpcIngressConnection".slice(0, 40 - 13)}-${suffix}`;
}

// --- actions ---------------------------------------------------------------------------------------------------------

const GetResource: CloudControlHandler = (account, region, p) => {
    const typeName = checkTypeName(p.TypeName, [SERVICE, CONNECTION]);
    try {
        subscribed(account);
    } catch (e) {
        throw handlerFailed(typeName, p.Identifier, e as AwsError);
    }
    if (typeName === SERVICE) {
        let s;
        try {
            s = apprunner.DescribeService(account, region, { ServiceArn: p.Identifier }).Service;
        } catch (e) {
            if (isAwsError(e) && e.code === "ResourceNotFoundException") throw notFound(typeName, p.Identifier, e.message);
            throw e;
        }
        if (s.Status === "DELETED") throw notFound(typeName, p.Identifier);
        // The read model: the service as DescribeService answers it, less what the schema does not hold and its write-only
        // properties (Tags, AutoScalingConfigurationArn: aws-apprunner-service.json).
        const { AutoScalingConfigurationSummary: _a, CreatedAt: _c, UpdatedAt: _u, DeletedAt: _d, ...properties } = s;
        return { TypeName: typeName, ResourceDescription: { Identifier: p.Identifier, Properties: JSON.stringify(properties) } };
    }
    const c = readConnection(account, region, p.Identifier);
    return { TypeName: typeName, ResourceDescription: { Identifier: p.Identifier, Properties: JSON.stringify(connectionModel(c)) } };
};

const CreateResource: CloudControlHandler = (account, region, p) => {
    const typeName = checkTypeName(p.TypeName, [CONNECTION]);
    const model = parseJson("DesiredState", p.DesiredState);
    validateModel(typeName, model);
    const { request, repeated } = newRequest(account, region, p, "CREATE");
    if (repeated) return { ProgressEvent: progressEvent(account, request) };
    const name = model.VpcIngressConnectionName ?? generatedName(account, request.RequestToken);
    try {
        subscribed(account);
        // CreateHandler.java: CreateVpcIngressConnection with the model's tags (no system tags: cloudFormationSystemTags false).
        const { VpcIngressConnection: c } = apprunner.CreateVpcIngressConnection(account, region, {
            ServiceArn: model.ServiceArn,
            VpcIngressConnectionName: name,
            IngressVpcConfiguration: model.IngressVpcConfiguration,
            ...(model.Tags?.length ? { Tags: model.Tags } : {}),
        });
        request.Identifier = c.VpcIngressConnectionArn;
    } catch (e) {
        if (!isAwsError(e)) throw e;
        failedAtOnce(request, handlerCode(e), e);
    }
    return { ProgressEvent: progressEvent(account, request) };
};

const UpdateResource: CloudControlHandler = (account, region, p) => {
    const typeName = checkTypeName(p.TypeName, [CONNECTION]);
    const patch: Operation[] = parseJson("PatchDocument", p.PatchDocument);
    if (!Array.isArray(patch)) fail("InvalidRequestException", "PatchDocument must be a JSON array of operations (RFC 6902).");
    const current = readConnection(account, region, p.Identifier);
    const schema = REGISTRY[typeName];
    // NotUpdatableException (400): "One or more properties included in this resource operation are defined as create-only,
    // and therefore can't be updated." Whether Cloud Control refuses at once or through the progress event is unverified:
    // the model refuses at once, before any handler runs.
    const paths = (op: Operation) => [op.path, ...("from" in op ? [op.from] : [])];
    const createOnly = patch.flatMap((op) => schema.createOnlyProperties.filter((c) => paths(op).some((path) => touches(path, c))));
    if (createOnly.length > 0) {
        fail(
            "NotUpdatableException",
            `Invalid patch update: createOnlyProperties [${[...new Set(createOnly)].join(", ")}] cannot be updated`,
        );
    }
    const readOnly = patch.filter((op) => schema.readOnlyProperties.some((r) => touches(op.path, r)));
    if (readOnly.length > 0)
        fail("InvalidRequestException", `Invalid patch update: readOnlyProperties [${readOnly[0].path}] cannot be updated`);
    const { VpcIngressConnectionArn: _a, Status: _s, DomainName: _d, ...writable } = connectionModel(current);
    let desired;
    try {
        desired = applyPatch(structuredClone(writable), patch, true, false).newDocument;
    } catch (e) {
        return fail("InvalidRequestException", `The patch document could not be applied: ${(e as Error).message} (unverified text).`);
    }
    validateModel(typeName, desired);
    const { request, repeated } = newRequest(account, region, p, "UPDATE", p.Identifier);
    if (repeated) return { ProgressEvent: progressEvent(account, request) };
    try {
        subscribed(account);
        // UpdateHandler.java: UpdateVpcIngressConnection with the desired IngressVpcConfiguration, whatever the patch was.
        apprunner.UpdateVpcIngressConnection(account, region, {
            VpcIngressConnectionArn: p.Identifier,
            IngressVpcConfiguration: (desired as Record<string, unknown>).IngressVpcConfiguration,
        });
    } catch (e) {
        if (!isAwsError(e)) throw e;
        failedAtOnce(request, handlerCode(e, "NotFound"), e);
    }
    return { ProgressEvent: progressEvent(account, request) };
};

const DeleteResource: CloudControlHandler = (account, region, p) => {
    checkTypeName(p.TypeName, [CONNECTION]);
    const { request, repeated } = newRequest(account, region, p, "DELETE", p.Identifier);
    if (repeated) return { ProgressEvent: progressEvent(account, request) };
    try {
        subscribed(account);
        // DeleteHandler.java: DeleteVpcIngressConnection; not found is the handler's NotFound.
        apprunner.DeleteVpcIngressConnection(account, region, { VpcIngressConnectionArn: p.Identifier });
    } catch (e) {
        if (!isAwsError(e)) throw e;
        failedAtOnce(request, handlerCode(e, "NotFound"), e);
    }
    return { ProgressEvent: progressEvent(account, request) };
};

const GetResourceRequestStatus: CloudControlHandler = (account, _region, p) => {
    const request = requests(account).find((r) => r.RequestToken === p.RequestToken);
    // RequestTokenNotFoundException (404): "A resource operation with the specified request token can't be found."
    if (!request) fail("RequestTokenNotFoundException", `Request token ${p.RequestToken} was not found.`, 404);
    return { ProgressEvent: progressEvent(account, request) };
};

export const cloudcontrol: Record<string, CloudControlHandler> = {
    GetResource,
    CreateResource,
    UpdateResource,
    DeleteResource,
    GetResourceRequestStatus,
};
