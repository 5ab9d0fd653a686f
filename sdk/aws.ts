// AWS rules the component, the policy rules, the plan and the test mocks share. Sources are cited beside each, and in the
// repository's DESIGN-NOTES.md ("AWS rules"); each pattern here is the documented format, not a guess.

/** The Pulumi type token of the component. It must never change: stacks and other languages depend on it. */
export const PRIVATE_ENDPOINT_TYPE = "apprunner-private:index:PrivateEndpoint";
/** The Pulumi type token of the shared endpoint component; it must never change either. */
export const INTERFACE_ENDPOINT_TYPE = "apprunner-private:index:InterfaceEndpoint";

/** The shape of an AWS region code (e.g. us-east-1, eu-central-1); whether App Runner is there is `APP_RUNNER_REGIONS`. */
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";

/**
 * The 11 regions App Runner exists in: no GovCloud, no China, no partition but `aws` (AWS General Reference,
 * "AWS App Runner endpoints and quotas"; AWS CDK's apprunner-supported-regions test).
 */
export const APP_RUNNER_REGIONS = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
] as const;

export function isAppRunnerRegion(region: string): boolean {
    return (APP_RUNNER_REGIONS as readonly string[]).includes(region);
}

/**
 * USD per interface endpoint per Availability Zone per hour, where AWS PrivateLink pricing was read (AWS PrivateLink pricing page);
 * partial hours are billed as full hours. Regions missing here have no price we could confirm.
 */
export const ENDPOINT_PRICE_PER_AZ_HOUR: Readonly<Record<string, number>> = {
    "us-east-1": 0.01,
    "us-west-2": 0.01,
    "eu-central-1": 0.012,
    "ap-southeast-1": 0.013,
    "ap-northeast-1": 0.014,
};
/** The price assumed for a region missing from `ENDPOINT_PRICE_PER_AZ_HOUR` (us-east-1's); always said when used. */
export const DEFAULT_ENDPOINT_PRICE_PER_AZ_HOUR = 0.01;
/** The price of an endpoint-AZ-hour in a region, and whether it is the region's own or the assumed default. */
export function endpointPricePerAzHour(region: string): { price: number; known: boolean } {
    const price = ENDPOINT_PRICE_PER_AZ_HOUR[region];
    return price === undefined ? { price: DEFAULT_ENDPOINT_PRICE_PER_AZ_HOUR, known: false } : { price, known: true };
}
/** AWS PrivateLink's data processing tiers for interface endpoints, USD per GB. */
export const ENDPOINT_DATA_PROCESSING_TIERS = "USD 0.01/GB for the first PB, 0.006 for the next 4 PB, 0.004 above";
/** Hours in an average month (8,766 h a year / 12), as AWS's pricing pages count them. */
export const HOURS_PER_MONTH = 730;

/**
 * The IP address types App Runner documents for private endpoints (guide, network-pl.html: IPv4 or dual-stack).
 * The values are `aws.ec2.VpcEndpoint`'s `ipAddressType` values.
 */
export const IpAddressType = {
    /** IPv4 only. */
    Ipv4: "ipv4",
    /** IPv4 and IPv6: every subnet of the endpoint needs an IPv6 CIDR block. */
    Dualstack: "dualstack",
} as const;
export type IpAddressType = (typeof IpAddressType)[keyof typeof IpAddressType];

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

/**
 * `arn:<partition>:apprunner:<region>:<account>:vpcingressconnection/<name>/<id>` (App Runner API reference,
 * "VpcIngressConnection"): the name is the connection's, 4 to 40 characters like a service's.
 */
const CONNECTION_ARN = new RegExp(
    `^arn:(aws(?:-[a-z]+)*):apprunner:(${REGION}):(\\d{12}):vpcingressconnection/([A-Za-z0-9][A-Za-z0-9_-]{3,39})/([A-Za-z0-9]+)$`,
);

/** The parts of a VPC ingress connection ARN; `undefined` when the text is not one. */
export function parseConnectionArn(arn: string): { region: string; accountId: string; name: string; id: string } | undefined {
    const m = CONNECTION_ARN.exec(arn);
    return m ? { region: m[2], accountId: m[3], name: m[4], id: m[5] } : undefined;
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
 * The tags the component gives: to the endpoint and its security group only (EC2; the connection carries none). EC2's
 * API reference caps keys at 127 Unicode characters and its User Guide at 128: 127 cannot fail on either. Values: 256.
 * Lengths are Unicode characters (code points), as AWS counts them, not UTF-16 code units. At most 50 a resource.
 */
export const TAG_LIMITS = { maxTags: 50, maxKeyLength: 127, maxValueLength: 256, reservedPrefix: "aws:" } as const;

/** A text's length as AWS counts it: Unicode characters (code points). */
export const characters = (text: string) => [...text].length;

/** App Runner's ARNs are at most 1,011 characters (the API's AppRunnerResourceArn; CloudFormation's ServiceArn). */
export const MAX_ARN_LENGTH = 1011;

/** The port App Runner serves private services on (HTTPS only). */
export const HTTPS_PORT = 443;

/** The CloudFormation type of the connection. */
export const CONNECTION_TYPE_NAME = "AWS::AppRunner::VpcIngressConnection";

/**
 * The type's CloudFormation resource schema, as its provider publishes it (aws-cloudformation-resource-providers-apprunner,
 * aws-apprunner-vpcingressconnection.json), reduced to what decides updates: its properties, which are create-only and
 * read-only, and its identifier. The component gives it to the Cloud Control resource, so the lifecycle is declared here
 * (ServiceArn and VpcIngressConnectionName replace the connection, IngressVpcConfiguration updates it) instead of read
 * with CloudFormation DescribeType at every new connection's plan; AWS's own copy still decides what Cloud Control accepts.
 */
export const CONNECTION_SCHEMA = JSON.stringify({
    typeName: CONNECTION_TYPE_NAME,
    description:
        "The AWS::AppRunner::VpcIngressConnection resource is an App Runner resource that specifies an App Runner VpcIngressConnection.",
    definitions: {
        IngressVpcConfiguration: {
            type: "object",
            properties: { VpcId: { type: "string" }, VpcEndpointId: { type: "string" } },
            required: ["VpcId", "VpcEndpointId"],
            additionalProperties: false,
        },
        Tag: { type: "object", properties: { Key: { type: "string" }, Value: { type: "string" } }, additionalProperties: false },
    },
    properties: {
        VpcIngressConnectionArn: { type: "string", minLength: 1, maxLength: 1011 },
        VpcIngressConnectionName: { type: "string", minLength: 4, maxLength: 40, pattern: "[A-Za-z0-9][A-Za-z0-9\\-_]{3,39}" },
        ServiceArn: { type: "string", minLength: 1, maxLength: 1011 },
        Status: { type: "string" },
        DomainName: { type: "string", minLength: 1, maxLength: 255 },
        IngressVpcConfiguration: { $ref: "#/definitions/IngressVpcConfiguration" },
        Tags: { type: "array", items: { $ref: "#/definitions/Tag" } },
    },
    additionalProperties: false,
    required: ["ServiceArn", "IngressVpcConfiguration"],
    createOnlyProperties: ["/properties/VpcIngressConnectionName", "/properties/ServiceArn", "/properties/Tags"],
    readOnlyProperties: ["/properties/VpcIngressConnectionArn", "/properties/DomainName", "/properties/Status"],
    writeOnlyProperties: ["/properties/Tags"],
    primaryIdentifier: ["/properties/VpcIngressConnectionArn"],
});
