// One model of AWS for every test layer: the `setMocks` mocks (./mocks.ts), the plan command, and the stand-in
// `pulumi-resource-aws` plugin the real-engine tests run (tests/engine/standin). It keeps what exists (VPCs, subnets,
// security groups, interface endpoints, App Runner services and VPC ingress connections), computes ids, ARNs and
// domain names in AWS's formats, answers the lookups the component makes, and refuses what AWS refuses, with AWS's
// error codes. Its state is plain data (`toJSON`/`fromJSON`), so a plugin process can keep it in a file.
// The rules modelled, and where each comes from, are listed in DESIGN-NOTES.md ("What the mocks model").
import { createHash } from "node:crypto";
import { appRunnerEndpointServiceName, isAppRunnerRegion, parseServiceArn, regionOfAppRunnerEndpointService } from "../sdk/aws";
import { cidrContains, cidrsOverlap, parseCidr } from "../sdk/cidr";
import { validateConnectionName, validateTags } from "../sdk/validation";

export const ACCOUNT_ID = "123456789012";
/** Another account, owning a subnet shared with ACCOUNT_ID through AWS RAM. */
export const OTHER_ACCOUNT_ID = "210987654321";
export const DEFAULT_REGION = "us-east-1";

export const VPC = "aws:ec2/vpc:Vpc";
export const SUBNET = "aws:ec2/subnet:Subnet";
export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
export const SERVICE = "aws:apprunner/service:Service";
export const CONNECTION = "aws:apprunner/vpcIngressConnection:VpcIngressConnection";
/** The resource types the model creates. */
export const MODELLED_TYPES = [VPC, SUBNET, SECURITY_GROUP, VPC_ENDPOINT, SERVICE, CONNECTION] as const;

/**
 * An Availability Zone's id in AWS's format: the region's short code and a number, e.g. us-east-1a → use1-az1,
 * eu-west-1b → euw1-az2, ap-southeast-2a → apse2-az1. (AWS maps letters to ids per account; letter order here.)
 */
export function zoneId(zone: string): string {
    const region = zone.slice(0, -1);
    const [geo, ...rest] = region.split("-");
    const number = rest.pop();
    const directions = rest.map((w) => w.replace(/^(north|south)(east|west)$/, (_, a, b) => a[0] + b[0]).replace(/^(north|south|east|west|central|gov)$/, (w2) => w2[0]));
    return `${geo}${directions.join("")}${number}-az${zone.charCodeAt(zone.length - 1) - 96}`;
}

/** Deterministic hexadecimal text derived from a seed. */
export function hex(seed: string, length: number): string {
    let out = "";
    for (let i = 0; out.length < length; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    return out.slice(0, length);
}
const ec2Id = (prefix: string, seed: string) => `${prefix}-${hex(seed, 17)}`;
/** App Runner host names: 10 lowercase letters and digits, then `.<region>.awsapprunner.com`. */
function appRunnerHost(seed: string, region: string): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    const h = createHash("sha256").update(seed).digest();
    const label = Array.from(h.subarray(0, 10), (b) => alphabet[b % alphabet.length]).join("");
    return `${label}.${region}.awsapprunner.com`;
}
export function serviceArn(name: string, region = DEFAULT_REGION): string {
    return `arn:aws:apprunner:${region}:${ACCOUNT_ID}:service/${name}/${hex(`service/${region}/${name}`, 32)}`;
}
/** `@pulumi/aws` autonaming: the logical name, "-", 7 random characters (here derived from a seed). */
export function autoname(name: string, seed: string): string {
    return `${name}-${hex(`autoname/${seed}`, 7)}`;
}

interface Vpc { id: string; region: string; cidrBlocks: string[]; ipv6CidrBlock?: string; defaultSecurityGroupId: string }
interface Subnet { id: string; region: string; vpcId: string; availabilityZone: string; cidrBlock: string; ipv6CidrBlock?: string; ownerId: string }
interface SecurityGroup { id: string; vpcId: string }
interface Endpoint { id: string; region: string; vpcId: string; serviceName: string; subnetIds?: string[]; securityGroupIds?: string[] }
interface Service { arn: string; region: string }
interface Connection { arn: string; name: string; region: string; serviceArn: string; endpointId: string; status: string }
/** A resource created through the model, with the state a provider returns for it. */
interface Created { type: string; id: string; region: string; state: Record<string, any> }

/** The model's whole state, as plain data. */
export interface ModelState {
    vpcs: Vpc[];
    subnets: Subnet[];
    securityGroups: SecurityGroup[];
    endpoints: Endpoint[];
    services: Service[];
    connections: Connection[];
    created: Created[];
    seeds: string[];
}

/**
 * The fake topology every model starts from: one VPC with four subnets (two in us-east-1a) and a subnet shared by
 * another account, another VPC, a dual-stack VPC (two IPv6 subnets, one IPv4-only), an EU VPC.
 */
export const TOPOLOGY = {
    vpcId: ec2Id("vpc", "main"),
    vpcCidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"],
    subnetA: ec2Id("subnet", "a"),
    subnetB: ec2Id("subnet", "b"),
    subnetC: ec2Id("subnet", "c"),
    subnetA2: ec2Id("subnet", "a2"),
    otherVpcId: ec2Id("vpc", "other"),
    otherSubnet: ec2Id("subnet", "other"),
    euVpcId: ec2Id("vpc", "eu"),
    euSubnetA: ec2Id("subnet", "eu-a"),
    euSubnetB: ec2Id("subnet", "eu-b"),
    /** In the main VPC, us-east-1c, owned by OTHER_ACCOUNT_ID (shared through AWS RAM). */
    sharedSubnet: ec2Id("subnet", "shared"),
    dualVpcId: ec2Id("vpc", "dual"),
    dualVpcIpv6CidrBlock: "2600:1f18:abcd:1200::/56",
    dualSubnetA: ec2Id("subnet", "dual-a"),
    dualSubnetB: ec2Id("subnet", "dual-b"),
    /** In the dual-stack VPC, without an IPv6 block. */
    dualSubnetV4Only: ec2Id("subnet", "dual-v4"),
    /** An App Runner interface endpoint that exists before the program runs. */
    existingEndpointId: ec2Id("vpce", "existing"),
    existingSecurityGroupId: ec2Id("sg", "existing"),
    apiServiceArn: serviceArn("api-service"),
    adminServiceArn: serviceArn("admin-service"),
    euServiceArn: serviceArn("eu-api", "eu-west-1"),
};

/** Existing VPCs, subnets, App Runner endpoints and services the model answers lookups from, besides TOPOLOGY. */
export interface Topology {
    vpcs?: { id: string; region?: string; cidrBlocks: string[]; ipv6CidrBlock?: string }[];
    subnets?: { id: string; vpcId: string; availabilityZone: string; cidrBlock: string; ipv6CidrBlock?: string; ownerId?: string }[];
    endpoints?: { id: string; vpcId: string }[];
    services?: string[];
}

/** An error as AWS would answer it; the message says it comes from the model. */
export function awsError(code: string, message: string): Error {
    return new Error(`mock AWS rejected the request: ${code}: ${message}`);
}

/** App Runner has no API endpoint outside its regions: the AWS provider's request fails before AWS can answer. */
function noAppRunner(region: string): Error {
    return new Error(`mock AWS: App Runner does not exist in ${region}: apprunner.${region}.amazonaws.com does not resolve`);
}

export class AwsModel {
    private readonly vpcs = new Map<string, Vpc>();
    private readonly subnets = new Map<string, Subnet>();
    private readonly securityGroups = new Map<string, SecurityGroup>();
    private readonly endpoints = new Map<string, Endpoint>();
    private readonly services = new Map<string, Service>();
    private readonly connections = new Map<string, Connection>();
    private readonly created = new Map<string, Created>();
    private readonly seeds = new Set<string>();

    /** @param explainMisses say, when a lookup misses, which ids could have been found (the plan). */
    constructor(topology?: Topology, private readonly explainMisses = false) {
        const t = TOPOLOGY;
        this.addVpc({ id: t.vpcId, region: "us-east-1", cidrBlocks: t.vpcCidrBlocks, defaultSecurityGroupId: ec2Id("sg", "main-default") });
        this.addVpc({ id: t.otherVpcId, region: "us-east-1", cidrBlocks: ["172.16.0.0/16"], defaultSecurityGroupId: ec2Id("sg", "other-default") });
        this.addVpc({ id: t.euVpcId, region: "eu-west-1", cidrBlocks: ["10.20.0.0/16"], defaultSecurityGroupId: ec2Id("sg", "eu-default") });
        this.addVpc({ id: t.dualVpcId, region: "us-east-1", cidrBlocks: ["10.30.0.0/16"], ipv6CidrBlock: t.dualVpcIpv6CidrBlock, defaultSecurityGroupId: ec2Id("sg", "dual-default") });
        const subnet = (id: string, vpcId: string, availabilityZone: string, cidrBlock: string, more: Partial<Subnet> = {}) =>
            this.subnets.set(id, { id, vpcId, availabilityZone, cidrBlock, region: availabilityZone.slice(0, -1), ownerId: ACCOUNT_ID, ...more });
        subnet(t.subnetA, t.vpcId, "us-east-1a", "10.0.0.0/24");
        subnet(t.subnetB, t.vpcId, "us-east-1b", "10.0.1.0/24");
        subnet(t.subnetC, t.vpcId, "us-east-1c", "10.0.2.0/24");
        subnet(t.subnetA2, t.vpcId, "us-east-1a", "10.0.3.0/24");
        subnet(t.otherSubnet, t.otherVpcId, "us-east-1b", "172.16.0.0/24");
        subnet(t.euSubnetA, t.euVpcId, "eu-west-1a", "10.20.0.0/24");
        subnet(t.euSubnetB, t.euVpcId, "eu-west-1b", "10.20.1.0/24");
        subnet(t.sharedSubnet, t.vpcId, "us-east-1c", "10.0.9.0/24", { ownerId: OTHER_ACCOUNT_ID });
        subnet(t.dualSubnetA, t.dualVpcId, "us-east-1a", "10.30.0.0/24", { ipv6CidrBlock: "2600:1f18:abcd:1200::/64" });
        subnet(t.dualSubnetB, t.dualVpcId, "us-east-1b", "10.30.1.0/24", { ipv6CidrBlock: "2600:1f18:abcd:1201::/64" });
        subnet(t.dualSubnetV4Only, t.dualVpcId, "us-east-1c", "10.30.2.0/24");
        this.securityGroups.set(t.existingSecurityGroupId, { id: t.existingSecurityGroupId, vpcId: t.vpcId });
        this.endpoints.set(t.existingEndpointId, { id: t.existingEndpointId, region: "us-east-1", vpcId: t.vpcId, serviceName: appRunnerEndpointServiceName("us-east-1") });
        for (const arn of [t.apiServiceArn, t.adminServiceArn, t.euServiceArn]) this.addService(arn);
        if (topology) this.addTopology(topology);
    }

    toJSON(): ModelState {
        return {
            vpcs: [...this.vpcs.values()],
            subnets: [...this.subnets.values()],
            securityGroups: [...this.securityGroups.values()],
            endpoints: [...this.endpoints.values()],
            services: [...this.services.values()],
            connections: [...this.connections.values()],
            created: [...this.created.values()],
            seeds: [...this.seeds],
        };
    }

    static fromJSON(state: ModelState): AwsModel {
        const model = new AwsModel();
        for (const map of [model.vpcs, model.subnets, model.securityGroups, model.endpoints, model.services, model.connections, model.created]) map.clear();
        for (const v of state.vpcs) model.vpcs.set(v.id, v);
        for (const s of state.subnets) model.subnets.set(s.id, s);
        for (const g of state.securityGroups) model.securityGroups.set(g.id, g);
        for (const e of state.endpoints) model.endpoints.set(e.id, e);
        for (const s of state.services) model.services.set(s.arn, s);
        for (const c of state.connections) model.connections.set(c.arn, c);
        for (const c of state.created) model.created.set(c.id, c);
        for (const s of state.seeds) model.seeds.add(s);
        return model;
    }

    /** Adds existing VPCs, subnets, endpoints and services (the plan's --topology file). */
    addTopology(topology: Topology, defaultRegion = DEFAULT_REGION): this {
        for (const v of topology.vpcs ?? []) {
            this.addVpc({ id: v.id, region: v.region ?? defaultRegion, cidrBlocks: v.cidrBlocks, ipv6CidrBlock: v.ipv6CidrBlock, defaultSecurityGroupId: ec2Id("sg", `${v.id}/default`) });
        }
        for (const s of topology.subnets ?? []) {
            this.subnets.set(s.id, { ...s, region: s.availabilityZone.slice(0, -1), ownerId: s.ownerId ?? ACCOUNT_ID });
        }
        for (const e of topology.endpoints ?? []) {
            const region = this.vpcs.get(e.vpcId)?.region ?? defaultRegion;
            this.endpoints.set(e.id, { id: e.id, vpcId: e.vpcId, region, serviceName: appRunnerEndpointServiceName(region) });
        }
        for (const arn of topology.services ?? []) this.addService(arn);
        return this;
    }

    /** Adds an App Runner service that exists before the program runs. */
    addService(arn: string): this {
        this.services.set(arn, { arn, region: parseServiceArn(arn)!.region });
        return this;
    }

    /** The Availability Zone of a subnet the model knows, for the plan's diagram. */
    subnetZone(id: string): string | undefined {
        return this.subnets.get(id)?.availabilityZone;
    }

    /** The VPC ingress connections that exist, for tests that assert what AWS holds. */
    listConnections(): Readonly<Connection>[] {
        return [...this.connections.values()];
    }

    private addVpc(vpc: Vpc) {
        this.vpcs.set(vpc.id, vpc);
        this.securityGroups.set(vpc.defaultSecurityGroupId, { id: vpc.defaultSecurityGroupId, vpcId: vpc.id });
    }

    /** A seed for a new resource's ids: its type and name, made unique when a resource of that name existed before. */
    private seedFor(type: string, name: string): string {
        let seed = `${type}/${name}`;
        for (let n = 2; this.seeds.has(seed); n++) seed = `${type}/${name}#${n}`;
        this.seeds.add(seed);
        return seed;
    }

    /** A lookup that misses: the Terraform provider's text, and in the plan the ids it could have found. */
    private miss(text: string, known: Iterable<{ id: string; region: string }>, region: string): Error {
        if (!this.explainMisses) return new Error(text);
        const ids = [...known].filter((x) => x.region === region).map((x) => x.id);
        return new Error(`${text} (the plan knows ${ids.length ? ids.join(", ") : "none"} in ${region}; describe others with --topology)`);
    }

    /** Answers a data source (invoke) in a region, as the AWS provider would. */
    invoke(token: string, inputs: Record<string, any>, region: string): Record<string, any> {
        switch (token) {
            case "aws:index/getRegion:getRegion":
                return { id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { id: ACCOUNT_ID, accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:user/test`, userId: "AIDATEST" };
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                const names = ["a", "b", "c"].map((z) => `${region}${z}`);
                return { id: region, names, zoneIds: names.map(zoneId), groupNames: [region] };
            }
            case "aws:ec2/getSubnet:getSubnet": {
                const subnet = this.subnets.get(inputs.id);
                // The Terraform provider's text when DescribeSubnets finds nothing.
                if (!subnet || subnet.region !== region) throw this.miss("no matching EC2 Subnet found", this.subnets.values(), region);
                return {
                    id: subnet.id,
                    arn: `arn:aws:ec2:${region}:${subnet.ownerId}:subnet/${subnet.id}`,
                    vpcId: subnet.vpcId,
                    availabilityZone: subnet.availabilityZone,
                    availabilityZoneId: zoneId(subnet.availabilityZone),
                    cidrBlock: subnet.cidrBlock,
                    // The Terraform data source reports "" for a subnet without an IPv6 block.
                    ipv6CidrBlock: subnet.ipv6CidrBlock ?? "",
                    ownerId: subnet.ownerId,
                    state: "available",
                    region,
                };
            }
            case "aws:ec2/getSecurityGroup:getSecurityGroup": {
                const group = this.securityGroups.get(inputs.id);
                const vpc = group && this.vpcs.get(group.vpcId);
                if (!group || !vpc || vpc.region !== region) throw this.miss("no matching EC2 Security Group found", [...this.securityGroups.values()].map((g) => ({ id: g.id, region: this.vpcs.get(g.vpcId)?.region ?? "" })), region);
                return { id: group.id, arn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:security-group/${group.id}`, vpcId: group.vpcId, name: group.id, description: "", region };
            }
            case "aws:ec2/getVpc:getVpc": {
                const vpc = this.vpcs.get(inputs.id);
                if (!vpc || vpc.region !== region) throw this.miss("no matching EC2 VPC found", this.vpcs.values(), region);
                return {
                    id: vpc.id,
                    arn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:vpc/${vpc.id}`,
                    cidrBlock: vpc.cidrBlocks[0],
                    cidrBlockAssociations: vpc.cidrBlocks.map((cidrBlock, i) => ({
                        associationId: `vpc-cidr-assoc-${hex(`${vpc.id}/${i}`, 17)}`,
                        cidrBlock,
                        state: "associated",
                    })),
                    ipv6CidrBlock: vpc.ipv6CidrBlock ?? "",
                    ownerId: ACCOUNT_ID,
                    state: "available",
                    region,
                };
            }
            default:
                throw new Error(`mocks: unmocked invoke ${token}`);
        }
    }

    /** Whether the model creates resources of this type. */
    static models(type: string): boolean {
        return (MODELLED_TYPES as readonly string[]).includes(type);
    }

    /** Creates a resource as AWS would, or throws AWS's refusal. `name` is the logical name (autonaming's base). */
    create(type: string, name: string, inputs: Record<string, any>, region: string): { id: string; state: Record<string, any> } {
        if (inputs.tags !== undefined && validateTags(inputs.tags).length) throw awsError("InvalidParameterValue", `invalid tags on ${name}`);
        const seed = this.seedFor(type, name);
        const result = this.createOf(type, name, seed, inputs, region);
        this.created.set(result.id, { type, id: result.id, region, state: result.state });
        return result;
    }

    private createOf(type: string, name: string, seed: string, inputs: Record<string, any>, region: string): { id: string; state: Record<string, any> } {
        switch (type) {
            case VPC: {
                const cidr = parseCidr(inputs.cidrBlock);
                if (cidr?.version !== 4 || !cidr.isCanonical || cidr.prefix < 16 || cidr.prefix > 28) {
                    throw awsError("InvalidVpc.Range", `The CIDR '${inputs.cidrBlock}' is invalid.`);
                }
                const id = ec2Id("vpc", seed);
                // An Amazon-provided IPv6 block is a /56 from Amazon's pool.
                const ipv6CidrBlock = inputs.assignGeneratedIpv6CidrBlock ? `2600:1f18:a${hex(`${seed}/v6`, 3)}:1${hex(`${seed}/v6b`, 1)}00::/56` : undefined;
                const vpc = { id, region, cidrBlocks: [inputs.cidrBlock], ipv6CidrBlock, defaultSecurityGroupId: ec2Id("sg", `${seed}/default`) };
                this.addVpc(vpc);
                return {
                    id,
                    state: {
                        ...inputs,
                        arn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:vpc/${id}`,
                        defaultSecurityGroupId: vpc.defaultSecurityGroupId,
                        mainRouteTableId: ec2Id("rtb", seed),
                        ipv6CidrBlock: ipv6CidrBlock ?? "",
                        ownerId: ACCOUNT_ID,
                        enableDnsSupport: inputs.enableDnsSupport ?? true,
                        enableDnsHostnames: inputs.enableDnsHostnames ?? false,
                        region,
                    },
                };
            }
            case SUBNET: {
                const vpc = this.vpcs.get(inputs.vpcId);
                if (!vpc || vpc.region !== region) throw awsError("InvalidVpcID.NotFound", `The vpc ID '${inputs.vpcId}' does not exist`);
                const availabilityZone: string = inputs.availabilityZone ?? `${region}a`;
                if (!new RegExp(`^${region}[a-f]$`).test(availabilityZone)) {
                    throw awsError("InvalidParameterValue", `Value (${availabilityZone}) for parameter availabilityZone is invalid.`);
                }
                if (!vpc.cidrBlocks.some((c) => cidrContains(c, inputs.cidrBlock))) {
                    throw awsError("InvalidSubnet.Range", `The CIDR '${inputs.cidrBlock}' is invalid.`);
                }
                for (const other of this.subnets.values()) {
                    if (other.vpcId === vpc.id && cidrsOverlap(other.cidrBlock, inputs.cidrBlock)) {
                        throw awsError("InvalidSubnet.Conflict", `The CIDR '${inputs.cidrBlock}' conflicts with another subnet`);
                    }
                }
                const ipv6CidrBlock: string | undefined = inputs.ipv6CidrBlock;
                if (ipv6CidrBlock !== undefined && !(vpc.ipv6CidrBlock && parseCidr(ipv6CidrBlock)?.prefix === 64 && cidrContains(vpc.ipv6CidrBlock, ipv6CidrBlock))) {
                    throw awsError("InvalidSubnet.Range", `The IPv6 CIDR '${ipv6CidrBlock}' is invalid.`);
                }
                const id = ec2Id("subnet", seed);
                this.subnets.set(id, { id, region, vpcId: vpc.id, availabilityZone, cidrBlock: inputs.cidrBlock, ipv6CidrBlock, ownerId: ACCOUNT_ID });
                return { id, state: { ...inputs, availabilityZone, arn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:subnet/${id}`, ownerId: ACCOUNT_ID, region } };
            }
            case SECURITY_GROUP: {
                const vpc = this.vpcs.get(inputs.vpcId);
                if (!vpc || vpc.region !== region) throw awsError("InvalidVpcID.NotFound", `The vpc ID '${inputs.vpcId}' does not exist`);
                const description: string = inputs.description ?? "Managed by Pulumi";
                if (description.length > 255 || !/^[\x20-\x7e]*$/.test(description)) {
                    throw awsError("InvalidParameterValue", "Invalid security group description");
                }
                checkRules(inputs, this.securityGroups);
                const id = ec2Id("sg", seed);
                this.securityGroups.set(id, { id, vpcId: vpc.id });
                return { id, state: { ...inputs, name: inputs.name ?? autoname(name, seed), description, arn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:security-group/${id}`, ownerId: ACCOUNT_ID, region } };
            }
            case VPC_ENDPOINT:
                return this.createEndpoint(seed, region, inputs);
            case SERVICE: {
                if (!isAppRunnerRegion(region)) throw noAppRunner(region);
                const serviceName: string = inputs.serviceName;
                if (validateConnectionName(serviceName).length) {
                    throw awsError("InvalidRequestException", `1 validation error detected: Value '${serviceName}' at 'serviceName' failed to satisfy constraint`);
                }
                const arn = `arn:aws:apprunner:${region}:${ACCOUNT_ID}:service/${serviceName}/${hex(`service/${region}/${serviceName}${again(seed)}`, 32)}`;
                this.services.set(arn, { arn, region });
                return { id: arn, state: this.serviceState(arn, region, inputs) };
            }
            case CONNECTION:
                return this.createConnection(seed, region, { ...inputs, name: inputs.name ?? autoname(name, seed) });
            default:
                throw new Error(`mocks: unmocked resource type ${type}`);
        }
    }

    private serviceState(arn: string, region: string, inputs: Record<string, any>): Record<string, any> {
        // A private service has no public URL (aws/apprunner-roadmap#235): clients use the connection's domain name.
        const isPublic = inputs.networkConfiguration?.ingressConfiguration?.isPubliclyAccessible !== false;
        return { ...inputs, arn, serviceId: arn.split("/").pop(), ...(isPublic ? { serviceUrl: appRunnerHost(arn, region) } : {}), status: "RUNNING", region };
    }

    private checkEndpointPlacement(vpc: Vpc, region: string, ipAddressType: string, subnetIds: string[], securityGroupIds: string[]) {
        if (subnetIds.length === 0) throw awsError("InvalidParameter", "An interface endpoint needs at least one subnet.");
        const zones = new Set<string>();
        for (const id of subnetIds) {
            const subnet = this.subnets.get(id);
            if (!subnet || subnet.region !== region) throw awsError("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist`);
            if (subnet.vpcId !== vpc.id) throw awsError("InvalidParameter", `The subnet ${id} does not belong to the VPC ${vpc.id}.`);
            if (ipAddressType === "dualstack" && !subnet.ipv6CidrBlock) {
                // AWS's exact text for this is unverified (AWS-FACTS.md); the rule is the guide's.
                throw awsError("InvalidParameter", `The subnet ${id} has no IPv6 CIDR block, which a dualstack endpoint needs.`);
            }
            if (zones.has(subnet.availabilityZone)) {
                throw awsError("DuplicateSubnetsInSameZone", `Found another VPC endpoint subnet in the availability zone of ${id}.`);
            }
            zones.add(subnet.availabilityZone);
        }
        for (const id of securityGroupIds) {
            const sg = this.securityGroups.get(id);
            if (!sg) throw awsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
            if (sg.vpcId !== vpc.id) throw awsError("InvalidParameter", `The security group ${id} is not in the VPC ${vpc.id}.`);
        }
    }

    private createEndpoint(seed: string, region: string, inputs: Record<string, any>) {
        const vpc = this.vpcs.get(inputs.vpcId);
        if (!vpc || vpc.region !== region) throw awsError("InvalidVpcId.NotFound", `The Vpc Id '${inputs.vpcId}' does not exist`);
        if (regionOfAppRunnerEndpointService(inputs.serviceName) !== region) {
            throw awsError("InvalidServiceName", `The Vpc Endpoint Service '${inputs.serviceName}' does not exist`);
        }
        // The Terraform provider defaults vpcEndpointType to Gateway, which apprunner.requests does not offer.
        if ((inputs.vpcEndpointType ?? "Gateway") !== "Interface") {
            throw awsError("InvalidParameter", `The VPC endpoint service ${inputs.serviceName} does not support the endpoint type ${inputs.vpcEndpointType ?? "Gateway"}.`);
        }
        if (inputs.policy !== undefined) throw awsError("InvalidParameter", "VPC endpoint policies are not supported for App Runner.");
        const ipAddressType = inputs.ipAddressType ?? "ipv4";
        if (!["ipv4", "dualstack"].includes(ipAddressType)) {
            throw awsError("InvalidParameter", `App Runner private endpoints support ipv4 and dualstack, got ipAddressType ${ipAddressType}.`);
        }
        const subnetIds: string[] = inputs.subnetIds ?? [];
        const securityGroupIds: string[] = inputs.securityGroupIds ?? [vpc.defaultSecurityGroupId];
        this.checkEndpointPlacement(vpc, region, ipAddressType, subnetIds, securityGroupIds);
        const id = ec2Id("vpce", seed);
        this.endpoints.set(id, { id, region, vpcId: vpc.id, serviceName: inputs.serviceName, subnetIds, securityGroupIds });
        const dnsName = `${id}-${hex(`${seed}/dns`, 8)}.apprunner.requests.${region}.vpce.amazonaws.com`;
        return {
            id,
            state: {
                ...inputs,
                securityGroupIds,
                ipAddressType,
                arn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:vpc-endpoint/${id}`,
                state: "available",
                ownerId: ACCOUNT_ID,
                requesterManaged: false,
                privateDnsEnabled: inputs.privateDnsEnabled ?? false,
                dnsEntries: [{ dnsName, hostedZoneId: "Z7HUB22UULQXV" }],
                networkInterfaceIds: subnetIds.map((s) => ec2Id("eni", `${seed}/${s}`)),
                policy: "",
                region,
            },
        };
    }

    private createConnection(seed: string, region: string, inputs: Record<string, any>) {
        if (!isAppRunnerRegion(region)) throw noAppRunner(region);
        const name: string = inputs.name;
        if (validateConnectionName(name).length) {
            throw awsError("InvalidRequestException", `1 validation error detected: Value '${name}' at 'vpcIngressConnectionName' failed to satisfy constraint`);
        }
        for (const c of this.connections.values()) {
            if (c.region === region && c.name === name) throw awsError("InvalidRequestException", `A VPC ingress connection named ${name} already exists.`);
        }
        const service = this.services.get(inputs.serviceArn);
        if (!service || service.region !== region) throw awsError("ResourceNotFoundException", `Service ${inputs.serviceArn} not found in ${region}.`);
        if ([...this.connections.values()].some((c) => c.serviceArn === service.arn)) {
            throw awsError("InvalidStateException", `Service ${service.arn} already has a VPC ingress connection.`);
        }
        const { vpcId, vpcEndpointId } = inputs.ingressVpcConfiguration ?? {};
        const endpoint = this.endpoints.get(vpcEndpointId);
        if (!this.vpcs.has(vpcId)) throw awsError("InvalidRequestException", `VPC ${vpcId} not found.`);
        if (!endpoint || endpoint.region !== region) throw awsError("InvalidRequestException", `VPC endpoint ${vpcEndpointId} not found.`);
        if (endpoint.vpcId !== vpcId) throw awsError("InvalidRequestException", `VPC endpoint ${vpcEndpointId} is not in VPC ${vpcId}.`);
        if (regionOfAppRunnerEndpointService(endpoint.serviceName) !== region) {
            throw awsError("InvalidRequestException", `VPC endpoint ${vpcEndpointId} is not an App Runner endpoint.`);
        }
        const arn = `arn:aws:apprunner:${region}:${ACCOUNT_ID}:vpcingressconnection/${name}/${hex(`connection/${region}/${name}${again(seed)}`, 32)}`;
        this.connections.set(arn, { arn, name, region, serviceArn: service.arn, endpointId: endpoint.id, status: "AVAILABLE" });
        return { id: arn, state: { ...inputs, arn, domainName: appRunnerHost(arn, region), status: "AVAILABLE", region } };
    }

    /** The state of a resource created through the model, as a provider's Read returns it; undefined once deleted. */
    read(id: string): Record<string, any> | undefined {
        return this.created.get(id)?.state;
    }

    /**
     * Updates a resource in place, for the properties AWS updates in place (everything else is replaced, which the
     * caller decides from the provider's schema): tags everywhere, an endpoint's subnets and security groups, a
     * security group's rules, a service's configuration.
     */
    update(type: string, id: string, news: Record<string, any>): Record<string, any> {
        const found = this.created.get(id);
        if (!found) throw awsError("ResourceNotFoundException", `${type} ${id} does not exist`);
        if (news.tags !== undefined && validateTags(news.tags).length) throw awsError("InvalidParameterValue", `invalid tags on ${id}`);
        const region = found.region;
        let state: Record<string, any>;
        switch (type) {
            case VPC_ENDPOINT: {
                const endpoint = this.endpoints.get(id)!;
                const vpc = this.vpcs.get(endpoint.vpcId)!;
                if (news.policy !== undefined) throw awsError("InvalidParameter", "VPC endpoint policies are not supported for App Runner.");
                const subnetIds: string[] = news.subnetIds ?? [];
                const securityGroupIds: string[] = news.securityGroupIds ?? [vpc.defaultSecurityGroupId];
                const ipAddressType = news.ipAddressType ?? found.state.ipAddressType ?? "ipv4";
                this.checkEndpointPlacement(vpc, region, ipAddressType, subnetIds, securityGroupIds);
                Object.assign(endpoint, { subnetIds, securityGroupIds });
                state = {
                    ...found.state,
                    ...news,
                    securityGroupIds,
                    ipAddressType,
                    networkInterfaceIds: subnetIds.map((s) => ec2Id("eni", `${id}/${s}`)),
                };
                break;
            }
            case SECURITY_GROUP:
                checkRules(news, this.securityGroups);
                state = { ...found.state, ...news, name: found.state.name, description: found.state.description };
                break;
            case SERVICE:
                state = this.serviceState(id, region, { ...news, serviceName: found.state.serviceName });
                break;
            default:
                // VPCs, subnets and connections: tags only (their other inputs replace them).
                state = { ...found.state, tags: news.tags };
        }
        found.state = state;
        return state;
    }

    /**
     * Deletes a resource as AWS would, refusing what AWS refuses: a service cannot go while a connection to it is
     * AVAILABLE (hashicorp/terraform-provider-aws#40896), which is why Pulumi deletes the connection, its dependent,
     * first; EC2 refuses to delete what is still in use (DependencyViolation).
     */
    delete(type: string, id: string): void {
        const inUse = (what: string) => awsError("DependencyViolation", `resource ${id} has a dependent object (${what})`);
        switch (type) {
            case SERVICE:
                if (!this.services.has(id)) throw awsError("ResourceNotFoundException", `Service ${id} not found.`);
                if ([...this.connections.values()].some((c) => c.serviceArn === id && c.status === "AVAILABLE")) {
                    throw awsError("InvalidStateException", "You cannot delete a Service while it has VpcIngressConnections with a status of AVAILABLE");
                }
                this.services.delete(id);
                break;
            case CONNECTION:
                if (!this.connections.delete(id)) throw awsError("ResourceNotFoundException", `VPC ingress connection ${id} not found.`);
                break;
            case VPC_ENDPOINT:
                if (!this.endpoints.delete(id)) throw awsError("InvalidVpcEndpointId.NotFound", `The VpcEndpoint Id '${id}' does not exist`);
                break;
            case SECURITY_GROUP:
                if ([...this.endpoints.values()].some((e) => e.securityGroupIds?.includes(id))) throw inUse("a VPC endpoint's network interfaces");
                if (!this.securityGroups.delete(id)) throw awsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
                break;
            case SUBNET:
                if ([...this.endpoints.values()].some((e) => e.subnetIds?.includes(id))) throw inUse("a VPC endpoint's network interface");
                if (!this.subnets.delete(id)) throw awsError("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist`);
                break;
            case VPC: {
                if ([...this.subnets.values()].some((s) => s.vpcId === id)) throw inUse("subnets");
                const vpc = this.vpcs.get(id);
                if (!vpc) throw awsError("InvalidVpcID.NotFound", `The vpc ID '${id}' does not exist`);
                this.securityGroups.delete(vpc.defaultSecurityGroupId);
                this.vpcs.delete(id);
                break;
            }
            default:
                throw new Error(`mocks: deleting ${type} is not modelled`);
        }
        this.created.delete(id);
    }
}

/** What makes the ids of a resource created again under the same name differ from the first one's. */
function again(seed: string): string {
    return seed.includes("#") ? `/${seed}` : "";
}

/**
 * AWS takes 0.0.0.0/0 and ::/0 (the component refuses them, AWS does not); it rejects malformed blocks, blocks of the
 * other IP version, and source security groups that do not exist.
 */
function checkRules(inputs: Record<string, any>, groups: Map<string, SecurityGroup>) {
    for (const rule of [...(inputs.ingress ?? []), ...(inputs.egress ?? [])]) {
        for (const id of rule.securityGroups ?? []) {
            if (!groups.has(id)) throw awsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
        }
        for (const [list, version] of [[rule.cidrBlocks, 4], [rule.ipv6CidrBlocks, 6]] as const) {
            for (const cidr of list ?? []) {
                if (parseCidr(cidr)?.version !== version) throw awsError("InvalidParameterValue", `CIDR block ${cidr} is malformed`);
            }
        }
    }
}
