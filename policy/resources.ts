// What the rules need to know about AWS resource types, and how they link resources of a stack: by value when
// values are known (an ARN, an id), by property dependencies when they are not (a preview).
import { parseServiceArn, regionOfAppRunnerEndpointService } from "@apprunner-private/apprunner-private/aws";
import { Finding, ResourceView, UNKNOWN, Unknown, isUnknown, notApplicable } from "./types";

export const TYPES = {
    service: "aws:apprunner/service:Service",
    connection: "aws:apprunner/vpcIngressConnection:VpcIngressConnection",
    cloudControl: "aws:cloudcontrol/resource:Resource",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    vpc: "aws:ec2/vpc:Vpc",
} as const;

/** Does the value hold an unknown anywhere: itself, a list element, a nested property? */
function holdsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (Array.isArray(value)) return value.some(holdsUnknown);
    if (typeof value === "object" && value !== null) return Object.values(value).some(holdsUnknown);
    return false;
}

/**
 * The one way rules read a resource: the value at a path of its props, or UNKNOWN if that value, a value above it,
 * or anything inside it (a list element, a nested property) is not known yet. A rule that gets UNKNOWN reports
 * "could not check"; it never looks inside a value that is partly unknown, so it can neither crash nor guess.
 */
export function prop(r: ResourceView, ...path: string[]): unknown {
    let value: unknown = r.props;
    for (const key of path) {
        if (isUnknown(value)) return UNKNOWN;
        if (typeof value !== "object" || value === null) return undefined;
        value = (value as Record<string, unknown>)[key];
    }
    return holdsUnknown(value) ? UNKNOWN : value;
}

/** A known value as a list: a list as it is, nothing as [], anything else as its one element. */
export function list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The display name of a resource in messages: its type's last part and its name. */
export function label(r: ResourceView): string {
    return `${r.type.split(":").pop()} "${r.name}"`;
}

/** Is this an `apprunner.requests` interface endpoint? UNKNOWN when its service name is not known yet. */
export function isAppRunnerEndpoint(r: ResourceView): boolean | Unknown {
    if (r.type !== TYPES.endpoint) return false;
    const serviceName = prop(r, "serviceName");
    if (isUnknown(serviceName)) return UNKNOWN;
    return typeof serviceName === "string" && regionOfAppRunnerEndpointService(serviceName) !== undefined;
}

export function endpointRegion(r: ResourceView): string | undefined {
    const serviceName = prop(r, "serviceName");
    return typeof serviceName === "string" ? regionOfAppRunnerEndpointService(serviceName) : undefined;
}

export function serviceRegion(arn: unknown): string | undefined {
    return typeof arn === "string" ? parseServiceArn(arn)?.region : undefined;
}

export const ofType = (resources: ResourceView[], type: string) => resources.filter((r) => r.type === type);

/**
 * A resource's id as other resources refer to it. Stack resources carry outputs, not the id, so it is read from
 * the ARN's last segment (`…:security-group/sg-…`, `…:vpc-endpoint/vpce-…`, `…:vpc/vpc-…`).
 */
export function idOf(r: ResourceView): unknown {
    const arn = prop(r, "arn");
    if (isUnknown(arn)) return UNKNOWN;
    return typeof arn === "string" ? arn.split("/").pop() : undefined;
}

/**
 * The resource of `candidates` that `from.props[property]` (at `path` below it) refers to: the one whose
 * `targetProp` equals the value, or, when the value is unknown, the one the property depends on.
 * `undefined` when nothing in the stack matches; UNKNOWN when neither value nor dependency tells.
 */
export function linked(
    from: ResourceView,
    path: string[],
    candidates: ResourceView[],
    targetProp: "arn" | "id",
): ResourceView | undefined | Unknown {
    const value = prop(from, ...path);
    if (!isUnknown(value) && value !== undefined) {
        return candidates.find((c) => (targetProp === "id" ? idOf(c) : prop(c, targetProp)) === value);
    }
    const deps = new Set(from.propertyDependencies[path[0]] ?? []);
    const byDependency = candidates.filter((c) => deps.has(c.urn));
    return byDependency.length === 1 ? byDependency[0] : UNKNOWN;
}

/** The resources among `candidates` that `from.props[property]` depends on. */
export function dependedOn(from: ResourceView, property: string, candidates: ResourceView[]): ResourceView[] {
    const deps = new Set(from.propertyDependencies[property] ?? []);
    return candidates.filter((c) => deps.has(c.urn));
}

/**
 * Who a resource's VPC is: the id when known, else the URN of the VPC resource its `property` depends on;
 * UNKNOWN when neither tells.
 */
export function vpcIdentity(r: ResourceView, path: string[], vpcs: ResourceView[]): string | Unknown {
    const value = prop(r, ...path);
    if (typeof value === "string") return value;
    const [vpc] = dependedOn(r, path[0], vpcs);
    if (vpc === undefined) return UNKNOWN;
    const id = idOf(vpc);
    return typeof id === "string" ? id : vpc.urn;
}

/** Runs `check` on each VPC ingress connection of the stack; not applicable when there is none. */
export function perConnection(resources: ResourceView[], check: (connection: ResourceView) => Finding[]): Finding[] {
    const connections = ofType(resources, TYPES.connection);
    if (connections.length === 0) return notApplicable("no App Runner VPC ingress connection in the stack");
    return connections.flatMap(check);
}

/** The interface endpoint of the stack a connection uses (see `linked`). */
export function endpointOf(connection: ResourceView, resources: ResourceView[]): ResourceView | undefined | Unknown {
    return linked(connection, ["ingressVpcConfiguration", "vpcEndpointId"], ofType(resources, TYPES.endpoint), "id");
}

/** A JSON text's value: UNKNOWN when the text is, undefined when there is none or it is no JSON. */
function parsed(text: unknown): Record<string, unknown> | Unknown | undefined {
    if (isUnknown(text)) return UNKNOWN;
    if (typeof text !== "string" || text === "") return undefined;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/**
 * A VPC ingress connection made through Cloud Control (an `aws.cloudcontrol.Resource` of type
 * AWS::AppRunner::VpcIngressConnection, as the component makes it) seen as the AWS provider's connection, so that every
 * rule reads both forms alike: its service, name, VPC and endpoint from `desiredState` (all UNKNOWN while that JSON text is
 * unknown), its ARN, domain name and status from `properties` (what AWS has, once created), and the dependencies of
 * `desiredState` as those of `serviceArn` and `ingressVpcConfiguration`. Any other resource is returned as it is.
 */
export function asConnection(r: ResourceView): ResourceView {
    if (r.type !== TYPES.cloudControl || r.props.typeName !== "AWS::AppRunner::VpcIngressConnection") return r;
    const desired = parsed(r.props.desiredState);
    const model = parsed(r.props.properties);
    const want = (key: string) => (isUnknown(desired) ? UNKNOWN : desired?.[key]);
    const got = (key: string) => (isUnknown(model) ? UNKNOWN : model?.[key]);
    const ingress = want("IngressVpcConfiguration") as Record<string, unknown> | Unknown | undefined;
    const deps = r.propertyDependencies.desiredState ?? [];
    return {
        ...r,
        type: TYPES.connection,
        props: {
            serviceArn: want("ServiceArn"),
            name: want("VpcIngressConnectionName") ?? got("VpcIngressConnectionName"),
            ingressVpcConfiguration: isUnknown(ingress)
                ? UNKNOWN
                : ingress && { vpcId: ingress.VpcId, vpcEndpointId: ingress.VpcEndpointId },
            arn: got("VpcIngressConnectionArn"),
            domainName: got("DomainName"),
            status: got("Status"),
        },
        propertyDependencies: { ...r.propertyDependencies, serviceArn: deps, ingressVpcConfiguration: deps },
    };
}
