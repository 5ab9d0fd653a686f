// AWS App Runner, the actions for services, VPC ingress connections and tags: one handler per action, taking the
// action's request (its API member names) and answering its response. Sources, cited per rule: the App Runner API
// reference and its service model (shapes, patterns, statuses, error codes; every App Runner error is HTTP 400 but
// InternalServiceErrorException), the App Runner guide ("Enabling Private endpoint for incoming traffic"), and public
// issues quoting real responses. Texts no public source shows are marked "unverified".
import { Account, DURATIONS, Service, Tag, VpcIngressConnection } from "./account";
import { answer, vpcOf } from "./ec2/index";
import { AwsError, fail } from "./errors";
import { domainLabel } from "./ids";

type Params = Record<string, any>;
export type AppRunnerHandler = (account: Account, region: string, params: Params) => Record<string, any>;

/** `AppRunnerResourceArn` (API model). */
const RESOURCE_ARN = /^arn:aws(-[\w]+)*:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[0-9]{12}:(\w|\/|-){1,1011}$/;
/** `ServiceName` and `VpcIngressConnectionName`: 4 to 40 characters (API model). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9\-_]{3,39}$/;

/**
 * A request that breaks the API model's constraints. App Runner's code for it is InvalidRequestException (the one client
 * error every action lists); the "1 validation error detected" wording is AWS's usual one, unverified for App Runner.
 */
function invalid(member: string, value: unknown, constraint: string): never {
    return fail(
        "InvalidRequestException",
        `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
    );
}
function checkArn(member: string, value: unknown): string {
    // AppRunnerResourceArn: at most 1,011 characters in all (API model: "max": 1011), besides its pattern.
    if (typeof value === "string" && [...value].length > 1011) invalid(member, value, "Member must have length less than or equal to 1011");
    if (typeof value !== "string" || !RESOURCE_ARN.test(value))
        invalid(
            member,
            value,
            "Member must satisfy regular expression pattern: " +
                "arn:aws(-[\\w]+)*:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[0-9]{12}:(\\w|/|-){1,1011}",
        );
    return value as string;
}
function checkName(member: string, value: unknown): string {
    if (typeof value !== "string" || !NAME.test(value))
        invalid(member, value, "Member must satisfy regular expression pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{3,39}");
    return value as string;
}

/**
 * App Runner tags (API model: TagKey 1 to 128 characters, pattern `^(?!aws:).+`; TagValue up to 256, pattern `.*`):
 * lengths in Unicode characters (code points, as AWS counts them), and the patterns matched whole, as AWS's "Member must
 * satisfy regular expression pattern" checks are, with `.` matching no line terminator (Java's regular expressions: \n,
 * \r, \u0085, \u2028, \u2029). `aws:` is refused in any case, as AWS's tagging rules say. The most tags a resource may
 * have is unverified for App Runner; the model allows 50, as most AWS services do.
 */
const LINE_TERMINATOR = /[\n\r\u0085\u2028\u2029]/;
function checkTags(tags: Tag[]): Tag[] {
    for (const t of tags) {
        const length = typeof t.Key === "string" ? [...t.Key].length : 0;
        if (typeof t.Key !== "string" || length > 128)
            invalid("tags.member.key", t.Key, "Member must have length less than or equal to 128");
        if (length < 1) invalid("tags.member.key", t.Key, "Member must have length greater than or equal to 1");
        if (/^aws:/i.test(t.Key) || LINE_TERMINATOR.test(t.Key))
            invalid("tags.member.key", t.Key, "Member must satisfy regular expression pattern: ^(?!aws:).+");
        if (typeof t.Value !== "string" || [...t.Value].length > 256)
            invalid("tags.member.value", t.Value, "Member must have length less than or equal to 256");
        if (LINE_TERMINATOR.test(t.Value)) invalid("tags.member.value", t.Value, "Member must satisfy regular expression pattern: .*");
    }
    if (new Set(tags.map((t) => t.Key)).size > 50) fail("InvalidRequestException", "A resource can have at most 50 tags.");
    return tags;
}

// The ResourceNotFoundException texts are unverified (the code is the API model's).
const serviceNotFound = (arn: string) => new AwsError("ResourceNotFoundException", `Service not found: ${arn}`);
const connectionNotFound = (arn: string) => new AwsError("ResourceNotFoundException", `VpcIngressConnection not found: ${arn}`);

function serviceOf(account: Account, region: string, arn: string): Service {
    const found = account.state.services.find((s) => s.ServiceArn === arn && s.Region === region);
    if (!found) throw serviceNotFound(arn);
    return found;
}
function connectionOf(account: Account, region: string, arn: string): VpcIngressConnection {
    const found = account.state.connections.find((c) => c.VpcIngressConnectionArn === arn && c.Region === region);
    if (!found) throw connectionNotFound(arn);
    return found;
}
const active = (c: VpcIngressConnection) => c.Status !== "DELETED";

// --- services -----------------------------------------------------------------------------------------------------

/** A service as App Runner keeps it, from CreateService's request (defaults from the API reference's shapes). */
export function addService(account: Account, region: string, p: Params & { ServiceArn?: string }): Service {
    const name = checkName("serviceName", p.ServiceName);
    const id = p.ServiceArn?.split("/").pop() ?? account.newAppRunnerId();
    const arn = p.ServiceArn ?? `arn:aws:apprunner:${region}:${account.accountId}:service/${name}/${id}`;
    const network = {
        EgressConfiguration: { EgressType: "DEFAULT", ...p.NetworkConfiguration?.EgressConfiguration },
        IngressConfiguration: { IsPubliclyAccessible: true, ...p.NetworkConfiguration?.IngressConfiguration },
        IpAddressType: p.NetworkConfiguration?.IpAddressType ?? "IPV4",
    };
    const now = account.clock.now();
    const service: Service = {
        ServiceArn: arn,
        ServiceName: name,
        ServiceId: id,
        Region: region,
        // A private service has no public URL (aws/apprunner-roadmap#235): clients use its connection's domain name.
        ...(network.IngressConfiguration.IsPubliclyAccessible ? { ServiceUrl: `${domainLabel(arn)}.${region}.awsapprunner.com` } : {}),
        Status: "RUNNING",
        SourceConfiguration: withAutoDeployments(p.SourceConfiguration ?? {}, account.accountId),
        InstanceConfiguration: { Cpu: "1024", Memory: "2048", ...p.InstanceConfiguration },
        NetworkConfiguration: network,
        HealthCheckConfiguration: {
            Protocol: "TCP",
            Path: "/",
            Interval: 5,
            Timeout: 2,
            HealthyThreshold: 1,
            UnhealthyThreshold: 5,
            ...p.HealthCheckConfiguration,
        },
        ...(p.EncryptionConfiguration ? { EncryptionConfiguration: p.EncryptionConfiguration } : {}),
        ...(p.ObservabilityConfiguration ? { ObservabilityConfiguration: p.ObservabilityConfiguration } : {}),
        AutoScalingConfigurationSummary: {
            AutoScalingConfigurationArn:
                p.AutoScalingConfigurationArn ??
                `arn:aws:apprunner:${region}:${account.accountId}:autoscalingconfiguration/DefaultConfiguration/1/` + "0".repeat(31) + "1",
            AutoScalingConfigurationName: "DefaultConfiguration",
            AutoScalingConfigurationRevision: 1,
        },
        CreatedAt: now,
        UpdatedAt: now,
    };
    account.state.services.push(service);
    if (p.Tags?.length) account.state.appRunnerTags[arn] = checkTags(p.Tags);
    return service;
}

/**
 * AutoDeploymentsEnabled's default (API reference, SourceConfiguration): false for an image in ECR Public or in another
 * account's ECR repository, true otherwise.
 */
function withAutoDeployments(source: Record<string, any>, accountId: string): Record<string, any> {
    if (source.AutoDeploymentsEnabled !== undefined) return source;
    const image = source.ImageRepository;
    const sameAccountEcr = !image || (image.ImageRepositoryType === "ECR" && String(image.ImageIdentifier).startsWith(`${accountId}.`));
    return { ...source, AutoDeploymentsEnabled: sameAccountEcr };
}

const CreateService: AppRunnerHandler = (account, region, p) => {
    const name = checkName("serviceName", p.ServiceName);
    if (!p.SourceConfiguration) invalid("sourceConfiguration", null, "Member must not be null");
    // "unique across all the running App Runner services in your AWS account in the AWS Region" (API model); the text
    // is unverified.
    if (account.state.services.some((s) => s.Region === region && s.ServiceName === name && s.Status !== "DELETED")) {
        fail("InvalidRequestException", `Service with the provided name already exists: ${name}`);
    }
    if (p.Tags) checkTags(p.Tags);
    const service = addService(account, region, p);
    // CreateService answers with the service in OPERATION_IN_PROGRESS; it becomes RUNNING (or CREATE_FAILED).
    service.Status = "OPERATION_IN_PROGRESS";
    service.Pending = { To: "RUNNING", At: account.after(DURATIONS.serviceOperation) };
    return { Service: answer(service), OperationId: account.newAppRunnerId() };
};

const DescribeService: AppRunnerHandler = (account, region, p) => ({
    Service: answer(serviceOf(account, region, checkArn("serviceArn", p.ServiceArn))),
});

const ListServices: AppRunnerHandler = (account, region) => ({
    ServiceSummaryList: account.state.services
        .filter((s) => s.Region === region && s.Status !== "DELETED")
        .map((s) => ({
            ServiceName: s.ServiceName,
            ServiceId: s.ServiceId,
            ServiceArn: s.ServiceArn,
            ServiceUrl: s.ServiceUrl,
            Status: s.Status,
        })),
});

const UpdateService: AppRunnerHandler = (account, region, p) => {
    const service = serviceOf(account, region, checkArn("serviceArn", p.ServiceArn));
    // The text is unverified; the code is the API model's.
    if (service.Status !== "RUNNING")
        fail("InvalidStateException", `Service ${service.ServiceArn} is in ${service.Status} status, and can't be updated.`);
    if (p.SourceConfiguration) service.SourceConfiguration = withAutoDeployments(p.SourceConfiguration, account.accountId);
    if (p.InstanceConfiguration) service.InstanceConfiguration = { ...service.InstanceConfiguration, ...p.InstanceConfiguration };
    if (p.HealthCheckConfiguration)
        service.HealthCheckConfiguration = { ...service.HealthCheckConfiguration, ...p.HealthCheckConfiguration };
    if (p.NetworkConfiguration) {
        const n = p.NetworkConfiguration;
        service.NetworkConfiguration = {
            EgressConfiguration: { ...service.NetworkConfiguration.EgressConfiguration, ...n.EgressConfiguration },
            IngressConfiguration: { ...service.NetworkConfiguration.IngressConfiguration, ...n.IngressConfiguration },
            IpAddressType: n.IpAddressType ?? service.NetworkConfiguration.IpAddressType,
        };
        if (service.NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible)
            service.ServiceUrl ??= `${domainLabel(service.ServiceArn)}.${region}.awsapprunner.com`;
        else delete service.ServiceUrl;
    }
    service.UpdatedAt = account.clock.now();
    service.Status = "OPERATION_IN_PROGRESS";
    service.Pending = { To: "RUNNING", At: account.after(DURATIONS.serviceOperation) };
    return { Service: answer(service), OperationId: account.newAppRunnerId() };
};

const DeleteService: AppRunnerHandler = (account, region, p) => {
    const service = serviceOf(account, region, checkArn("serviceArn", p.ServiceArn));
    if (service.Status === "DELETED") throw serviceNotFound(service.ServiceArn);
    // Real response (hashicorp/terraform-provider-aws#40896). Whether connections in other states block it is unverified.
    const connection = account.state.connections.find((c) => c.ServiceArn === service.ServiceArn && c.Status === "AVAILABLE");
    if (connection) {
        fail(
            "InvalidStateException",
            `You cannot delete a Service while it has VpcIngressConnections with a status of AVAILABLE. ` +
                `Service Arn: ${service.ServiceArn} VpcIngressConnection Arn: ${connection.VpcIngressConnectionArn}`,
        );
    }
    service.Status = "OPERATION_IN_PROGRESS";
    service.DeletedAt = account.clock.now();
    // A deleted service stays describable, as DELETED (the CloudFormation handlers map DELETED to "not found").
    service.Pending = { To: "DELETED", At: account.after(DURATIONS.serviceOperation) };
    return { Service: answer(service), OperationId: account.newAppRunnerId() };
};

// --- VPC ingress connections ---------------------------------------------------------------------------------------

const CreateVpcIngressConnection: AppRunnerHandler = (account, region, p) => {
    const serviceArn = checkArn("serviceArn", p.ServiceArn);
    const name = checkName("vpcIngressConnectionName", p.VpcIngressConnectionName);
    if (p.Tags) checkTags(p.Tags);
    const { VpcId: vpcId, VpcEndpointId: endpointId } = p.IngressVpcConfiguration ?? {};
    // The action lists no ResourceNotFoundException (API model): a missing service is an invalid request. Text unverified.
    const service = account.state.services.find((s) => s.ServiceArn === serviceArn && s.Region === region && s.Status !== "DELETED");
    if (!service) fail("InvalidRequestException", `Service not found: ${serviceArn}`);
    // "you can only create one VPC Ingress Connection resource for each App Runner service" (App Runner guide). The code
    // and text AWS gives are unverified.
    const existing = account.state.connections.find((c) => c.ServiceArn === serviceArn && active(c));
    if (existing)
        fail("InvalidRequestException", `Service ${serviceArn} already has a VPC ingress connection: ${existing.VpcIngressConnectionArn}`);
    // "unique across all the active VPC Ingress Connections in your AWS account in the AWS Region" (API model). Text unverified.
    if (account.state.connections.some((c) => c.Region === region && c.VpcIngressConnectionName === name && active(c))) {
        fail("InvalidRequestException", `A VPC ingress connection with the name ${name} already exists.`);
    }
    checkEndpoint(account, region, vpcId, endpointId);
    const arn = `arn:aws:apprunner:${region}:${account.accountId}:vpcingressconnection/${name}/${account.newAppRunnerId()}`;
    const connection: VpcIngressConnection = {
        VpcIngressConnectionArn: arn,
        VpcIngressConnectionName: name,
        ServiceArn: serviceArn,
        Region: region,
        // Create answers PENDING_CREATION with the domain name already set (API reference example).
        Status: "PENDING_CREATION",
        AccountId: account.accountId,
        DomainName: `${domainLabel(arn)}.${region}.awsapprunner.com`,
        IngressVpcConfiguration: { VpcId: vpcId, VpcEndpointId: endpointId },
        CreatedAt: account.clock.now(),
        Pending: { To: "AVAILABLE", At: account.after(DURATIONS.connectionCreate) },
    };
    account.state.connections.push(connection);
    if (p.Tags?.length) account.state.appRunnerTags[arn] = p.Tags;
    return { VpcIngressConnection: answer(connection) };
};

/**
 * App Runner reads the VPC and the endpoint to connect a service (its CloudFormation handler needs ec2:DescribeVpcs and
 * ec2:DescribeVpcEndpoints): the endpoint must exist, serve App Runner in this region, and be in the VPC. The codes and
 * texts are unverified.
 */
function checkEndpoint(account: Account, region: string, vpcId: unknown, endpointId: unknown): void {
    try {
        vpcOf(account, region, vpcId);
    } catch {
        fail("InvalidRequestException", `VPC ${vpcId} was not found.`);
    }
    const endpoint = account.state.vpcEndpoints.find(
        (e) => e.VpcEndpointId === endpointId && e.Region === region && e.State !== "deleting",
    );
    if (!endpoint) fail("InvalidRequestException", `VPC endpoint ${endpointId} was not found.`);
    if (endpoint.ServiceName !== `com.amazonaws.${region}.apprunner.requests`) {
        fail("InvalidRequestException", `VPC endpoint ${endpointId} is not an endpoint of com.amazonaws.${region}.apprunner.requests.`);
    }
    if (endpoint.VpcId !== vpcId) fail("InvalidRequestException", `VPC endpoint ${endpointId} is not in VPC ${vpcId}.`);
}

const DescribeVpcIngressConnection: AppRunnerHandler = (account, region, p) => ({
    // A deleted connection stays describable as DELETED for a while (its CloudFormation and Terraform readers treat
    // DELETED as "not found"); how long is unverified: the model keeps it.
    VpcIngressConnection: answer(connectionOf(account, region, checkArn("vpcIngressConnectionArn", p.VpcIngressConnectionArn))),
});

const ListVpcIngressConnections: AppRunnerHandler = (account, region, p) => {
    const f = p.Filter ?? {};
    // Both filters together match both (unverified); deleted connections are left out (unverified).
    const found = account.state.connections.filter(
        (c) =>
            c.Region === region &&
            active(c) &&
            (f.ServiceArn === undefined || c.ServiceArn === f.ServiceArn) &&
            (f.VpcEndpointId === undefined || c.IngressVpcConfiguration.VpcEndpointId === f.VpcEndpointId),
    );
    // The summaries carry only the two ARNs (API model, VpcIngressConnectionSummary).
    return {
        VpcIngressConnectionSummaryList: found.map((c) => ({
            VpcIngressConnectionArn: c.VpcIngressConnectionArn,
            ServiceArn: c.ServiceArn,
        })),
    };
};

const UpdateVpcIngressConnection: AppRunnerHandler = (account, region, p) => {
    const connection = connectionOf(account, region, checkArn("vpcIngressConnectionArn", p.VpcIngressConnectionArn));
    // Allowed from AVAILABLE, FAILED_CREATION and FAILED_UPDATE (API reference); the text is unverified.
    if (!["AVAILABLE", "FAILED_CREATION", "FAILED_UPDATE"].includes(connection.Status)) {
        fail(
            "InvalidStateException",
            `VpcIngressConnection ${connection.VpcIngressConnectionArn} is in ${connection.Status} status, and can't be updated.`,
        );
    }
    const { VpcId: vpcId, VpcEndpointId: endpointId } = p.IngressVpcConfiguration ?? {};
    checkEndpoint(account, region, vpcId, endpointId);
    connection.IngressVpcConfiguration = { VpcId: vpcId, VpcEndpointId: endpointId };
    connection.Status = "PENDING_UPDATE";
    connection.Pending = { To: "AVAILABLE", At: account.after(DURATIONS.connectionUpdate) };
    return { VpcIngressConnection: answer(connection) };
};

const DeleteVpcIngressConnection: AppRunnerHandler = (account, region, p) => {
    const connection = connectionOf(account, region, checkArn("vpcIngressConnectionArn", p.VpcIngressConnectionArn));
    // Allowed from AVAILABLE and the FAILED states (API reference); the text is unverified.
    if (!["AVAILABLE", "FAILED_CREATION", "FAILED_UPDATE", "FAILED_DELETION"].includes(connection.Status)) {
        fail(
            "InvalidStateException",
            `VpcIngressConnection ${connection.VpcIngressConnectionArn} is in ${connection.Status} status, and can't be deleted.`,
        );
    }
    // Delete answers PENDING_DELETION with DeletedAt set (API reference example).
    connection.Status = "PENDING_DELETION";
    connection.DeletedAt = account.clock.now();
    connection.Pending = { To: "DELETED", At: account.after(DURATIONS.connectionDelete) };
    return { VpcIngressConnection: answer(connection) };
};

// --- tags ----------------------------------------------------------------------------------------------------------

function taggedArn(account: Account, region: string, arn: string): string {
    checkArn("resourceArn", arn);
    const exists =
        account.state.services.some((s) => s.ServiceArn === arn && s.Region === region && s.Status !== "DELETED") ||
        account.state.connections.some((c) => c.VpcIngressConnectionArn === arn && c.Region === region && active(c));
    if (!exists) fail("ResourceNotFoundException", `Resource not found: ${arn}`);
    return arn;
}

const TagResource: AppRunnerHandler = (account, region, p) => {
    const arn = taggedArn(account, region, p.ResourceArn);
    const adding = checkTags(p.Tags ?? []);
    const tags = [...(account.state.appRunnerTags[arn] ?? []).filter((t) => !adding.some((a) => a.Key === t.Key)), ...adding];
    account.state.appRunnerTags[arn] = checkTags(tags);
    return {};
};

const UntagResource: AppRunnerHandler = (account, region, p) => {
    const arn = taggedArn(account, region, p.ResourceArn);
    account.state.appRunnerTags[arn] = (account.state.appRunnerTags[arn] ?? []).filter((t) => !(p.TagKeys ?? []).includes(t.Key));
    return {};
};

const ListTagsForResource: AppRunnerHandler = (account, region, p) => ({
    Tags: [...(account.state.appRunnerTags[taggedArn(account, region, p.ResourceArn)] ?? [])],
});

export const apprunner: Record<string, AppRunnerHandler> = {
    CreateService,
    DescribeService,
    ListServices,
    UpdateService,
    DeleteService,
    CreateVpcIngressConnection,
    DescribeVpcIngressConnection,
    ListVpcIngressConnections,
    UpdateVpcIngressConnection,
    DeleteVpcIngressConnection,
    TagResource,
    UntagResource,
    ListTagsForResource,
};
