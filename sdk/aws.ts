// AWS naming rules the component, the policy rules and the test mocks share. Sources are in
// DESIGN-NOTES.md ("AWS rules"); each pattern here is the documented format, not a guess.
import { createHash } from "node:crypto";

/** The Pulumi type token of the component. It must never change: stacks and other languages depend on it. */
export const PRIVATE_ENDPOINT_TYPE = "apprunner-private:index:PrivateEndpoint";

/** The AWS region code, e.g. us-east-1, eu-central-1, us-gov-west-1, ap-southeast-5. */
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";

/**
 * `arn:<partition>:apprunner:<region>:<account>:service/<service-name>/<service-id>` (App Runner API
 * reference, "Service"). The service name is 4 to 40 characters of `[A-Za-z0-9-_]` starting with a letter or digit;
 * the id is hexadecimal today, but any alphanumeric id is accepted so a new id format cannot lock users out.
 */
const SERVICE_ARN = new RegExp(
    `^arn:(aws(?:-[a-z]+)*):apprunner:(${REGION}):(\\d{12}):service/([A-Za-z0-9][A-Za-z0-9_-]{3,39})/([A-Za-z0-9]+)$`,
);

/** The parts of an App Runner service ARN. */
export interface ServiceArnParts {
    partition: string;
    region: string;
    accountId: string;
    serviceName: string;
    serviceId: string;
}

/** Parses an App Runner service ARN; `undefined` when the text is not one. */
export function parseServiceArn(arn: string): ServiceArnParts | undefined {
    const m = SERVICE_ARN.exec(arn);
    return m ? { partition: m[1], region: m[2], accountId: m[3], serviceName: m[4], serviceId: m[5] } : undefined;
}

/** EC2 resource ids: a prefix, then 8 (older resources) or 17 hexadecimal characters. */
export const EC2_ID_PREFIXES = {
    vpc: "vpc",
    subnet: "subnet",
    securityGroup: "sg",
    vpcEndpoint: "vpce",
} as const;
export type Ec2IdKind = keyof typeof EC2_ID_PREFIXES;

export function isEc2Id(kind: Ec2IdKind, id: string): boolean {
    return new RegExp(`^${EC2_ID_PREFIXES[kind]}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`).test(id);
}

/** The interface endpoint service through which App Runner serves private services (AWS App Runner guide). */
export function appRunnerEndpointServiceName(region: string): string {
    return `com.amazonaws.${region}.apprunner.requests`;
}

/** The region of an `com.amazonaws.<region>.apprunner.requests` service name; `undefined` for any other service. */
export function regionOfAppRunnerEndpointService(serviceName: string): string | undefined {
    return new RegExp(`^com\\.amazonaws\\.(${REGION})\\.apprunner\\.requests$`).exec(serviceName)?.[1];
}

/** `VpcIngressConnectionName`: 4 to 40 characters (App Runner API; AWS CDK validation). */
export const CONNECTION_NAME_MIN = 4;
export const CONNECTION_NAME_MAX = 40;
export const CONNECTION_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The default ingress connection name: the component name made valid for AWS, plus 7 hex characters of a hash
 * of project, stack and component name. AWS wants the name unique among the account's active connections in the
 * region, so two stacks of one program in one account (dev and staging, say) must not both take `api`. The
 * hash is deterministic: the same program asks for the same name on every run, so nothing is replaced.
 */
export function defaultConnectionName(componentName: string, project: string, stack: string): string {
    const hash = createHash("sha256").update(`${project}/${stack}/${componentName}`).digest("hex").slice(0, 7);
    const base = componentName
        .replace(/[^A-Za-z0-9_-]+/g, "-")
        .replace(/^[^A-Za-z0-9]+/, "")
        .slice(0, CONNECTION_NAME_MAX - hash.length - 1);
    return base ? `${base}-${hash}` : `conn-${hash}`;
}

/** AWS tag limits shared by EC2 and App Runner: 50 user tags, keys 1-128 and values 0-256 characters. */
export const TAG_LIMITS = { maxTags: 50, maxKeyLength: 128, maxValueLength: 256, reservedPrefix: "aws:" } as const;

/** The port App Runner serves private services on (HTTPS only). */
export const HTTPS_PORT = 443;
