// Mocks that behave like AWS for `pulumi.runtime.setMocks`, used by the tests and by `apprunner-private plan`:
// ids, ARNs and domain names in AWS's formats, a small fake topology to answer lookups from, and the
// rejections AWS makes on apply. Every registration and
// invoke is recorded, with the resource options the monitor saw; an unmocked invoke or resource type throws.
// The rules modelled, and where each comes from, are listed in DESIGN-NOTES.md ("What the mocks model").
import * as pulumi from "@pulumi/pulumi";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rpc = require("@pulumi/pulumi/runtime/rpc");
import { createHash } from "node:crypto";
import { appRunnerEndpointServiceName, isAppRunnerRegion, parseServiceArn, regionOfAppRunnerEndpointService } from "../aws";
import { cidrContains, cidrsOverlap, parseCidr } from "../cidr";
import { validateConnectionName, validateTags } from "../validation";

export const ACCOUNT_ID = "123456789012";
/** Another account, owning a subnet shared with ACCOUNT_ID through AWS RAM. */
export const OTHER_ACCOUNT_ID = "210987654321";
export const DEFAULT_REGION = "us-east-1";

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

interface Vpc { id: string; region: string; cidrBlocks: string[]; ipv6CidrBlock?: string; defaultSecurityGroupId: string }
interface Subnet { id: string; region: string; vpcId: string; availabilityZone: string; cidrBlock: string; ipv6CidrBlock?: string; ownerId: string }
interface Endpoint { id: string; region: string; vpcId: string; serviceName: string }
interface Service { arn: string; region: string }
interface Connection { arn: string; name: string; region: string; serviceArn: string; status: string }

/**
 * The fake topology every test starts from: one VPC with four subnets (two in us-east-1a) and a subnet shared by
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

/** Existing VPCs, subnets, App Runner endpoints and services the mocks answer lookups from, besides TOPOLOGY. */
export interface Topology {
    vpcs?: { id: string; region?: string; cidrBlocks: string[]; ipv6CidrBlock?: string }[];
    subnets?: { id: string; vpcId: string; availabilityZone: string; cidrBlock: string; ipv6CidrBlock?: string; ownerId?: string }[];
    endpoints?: { id: string; vpcId: string }[];
    services?: string[];
}

export interface AwsMocksOptions {
    /** The AWS provider's region (the stack's aws:region). Default: us-east-1. */
    region?: string;
    /** A preview: AWS is asked nothing, so ids and computed outputs stay unknown. */
    preview?: boolean;
    topology?: Topology;
    /** Outputs of stacks a program references, by stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** Give resources of types not modelled here generated ids instead of failing (the plan). */
    passThroughUnmodelled?: boolean;
    /** Say, when a lookup misses, which ids could have been found. */
    explainMisses?: boolean;
    /** Collect every unhandled rejection, not only Pulumi's (the plan: nothing else would report them). */
    collectAllRejections?: boolean;
}

/** One registration as the monitor saw it. */
export interface Registration {
    type: string;
    name: string;
    custom: boolean;
    inputs: Record<string, any>;
    /** The URN of the parent resource, "" when none. */
    parent: string;
    /** The provider reference (`urn::id`), "" for the default provider. */
    provider: string;
    deleteBeforeReplace: boolean;
    /** For each input property, the URNs of the resources its value depends on. */
    propertyDependencies: Record<string, string[]>;
    /** The inputs as the engine received them, unknown values kept (pulumi.isUnknown); for policy analysis. */
    engineInputs: Record<string, any>;
    urn?: string;
    id?: string;
    state?: Record<string, any>;
}

export interface Invoke {
    token: string;
    inputs: Record<string, any>;
    provider: string;
}

/** An error as AWS would answer it; the message says it comes from the mocks. */
function awsError(code: string, message: string): Error {
    return new Error(`mock AWS rejected the request: ${code}: ${message}`);
}

let current: AwsMocks | undefined;
let listening = false;

export class AwsMocks implements pulumi.runtime.Mocks {
    readonly registrations: Registration[] = [];
    readonly invokes: Invoke[] = [];
    /** Rejections no one awaited: how Pulumi reports an error thrown inside an apply. */
    readonly unhandled: Error[] = [];
    readonly region: string;
    readonly preview: boolean;

    private readonly providerRegions = new Map<string, string>();
    private readonly vpcs = new Map<string, Vpc>();
    private readonly subnets = new Map<string, Subnet>();
    private readonly securityGroups = new Map<string, { id: string; vpcId: string }>();
    private readonly endpoints = new Map<string, Endpoint>();
    private readonly services = new Map<string, Service>();
    private readonly connections = new Map<string, Connection>();
    private readonly options = new Map<string, Pick<Registration, "parent" | "provider" | "deleteBeforeReplace" | "propertyDependencies" | "engineInputs">>();

    /** Resources of types the mocks do not model, passed through (the plan's mode; tests throw instead). */
    readonly passedThrough: Registration[] = [];
    readonly options_: AwsMocksOptions;

    constructor(opts: AwsMocksOptions = {}) {
        this.options_ = opts;
        this.region = opts.region ?? DEFAULT_REGION;
        this.preview = opts.preview ?? false;
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
        this.endpoints.set(t.existingEndpointId, {
            id: t.existingEndpointId,
            region: "us-east-1",
            vpcId: t.vpcId,
            serviceName: appRunnerEndpointServiceName("us-east-1"),
        });
        for (const arn of [t.apiServiceArn, t.adminServiceArn, t.euServiceArn]) this.addService(arn);
        if (opts.topology) this.addTopology(opts.topology);
    }

    /** Adds existing VPCs, subnets, endpoints and services (the plan's --topology file). */
    addTopology(topology: Topology): this {
        for (const v of topology.vpcs ?? []) {
            this.addVpc({ id: v.id, region: v.region ?? this.region, cidrBlocks: v.cidrBlocks, ipv6CidrBlock: v.ipv6CidrBlock, defaultSecurityGroupId: ec2Id("sg", `${v.id}/default`) });
        }
        for (const s of topology.subnets ?? []) {
            this.subnets.set(s.id, { ...s, region: s.availabilityZone.slice(0, -1), ownerId: s.ownerId ?? ACCOUNT_ID });
        }
        for (const e of topology.endpoints ?? []) {
            const vpc = this.vpcs.get(e.vpcId);
            this.endpoints.set(e.id, { id: e.id, vpcId: e.vpcId, region: vpc?.region ?? this.region, serviceName: appRunnerEndpointServiceName(vpc?.region ?? this.region) });
        }
        for (const arn of topology.services ?? []) this.addService(arn);
        return this;
    }

    /** A lookup that misses: the Terraform provider's text, and in the plan the ids it could have found. */
    private miss(text: string, known: Iterable<{ id: string; region: string }>, region: string): Error {
        if (!this.options_.explainMisses) return new Error(text);
        const ids = [...known].filter((x) => x.region === region).map((x) => x.id);
        return new Error(`${text} (the plan knows ${ids.length ? ids.join(", ") : "none"} in ${region}; describe others with --topology)`);
    }

    /**
     * Waits until registrations have stopped coming (none added for a few turns of the event loop): they finish
     * asynchronously, and not every one is reachable from an output to await.
     */
    async settle(onProgress?: (registered: number) => void): Promise<void> {
        let stable = 0;
        let seen = -1;
        while (stable < 5) {
            await new Promise((r) => setTimeout(r, 10));
            if (this.registrations.length === seen) stable++;
            else {
                stable = 0;
                seen = this.registrations.length;
                onProgress?.(seen);
            }
        }
    }

    /**
     * Deletes a resource as AWS would, refusing what AWS refuses: setMocks has no delete, so tests (and the engine's
     * Delete, where one is served) call this. A service cannot go while a connection to it is AVAILABLE
     * (hashicorp/terraform-provider-aws#40896), which is why Pulumi deletes the connection, its dependent, first.
     */
    delete(type: string, id: string): void {
        switch (type) {
            case "aws:apprunner/service:Service": {
                if (!this.services.has(id)) throw awsError("ResourceNotFoundException", `Service ${id} not found.`);
                if ([...this.connections.values()].some((c) => c.serviceArn === id && c.status === "AVAILABLE")) {
                    throw awsError("InvalidStateException", "You cannot delete a Service while it has VpcIngressConnections with a status of AVAILABLE");
                }
                this.services.delete(id);
                return;
            }
            case "aws:apprunner/vpcIngressConnection:VpcIngressConnection":
                if (!this.connections.delete(id)) throw awsError("ResourceNotFoundException", `VPC ingress connection ${id} not found.`);
                return;
            default:
                throw new Error(`mocks: deleting ${type} is not modelled`);
        }
    }

    /** The Availability Zone of a subnet the mocks know, for the plan's diagram. */
    subnetZone(id: string): string | undefined {
        return this.subnets.get(id)?.availabilityZone;
    }

    /** Adds an App Runner service that exists before the program runs. */
    addService(arn: string): this {
        this.services.set(arn, { arn, region: parseServiceArn(arn)!.region });
        return this;
    }

    /** Sets these mocks as the Pulumi runtime's, and captures the options of every registration. */
    install(project = "project", stack = "stack"): this {
        current = this;
        pulumi.runtime.setMocks(this, project, stack, this.preview);
        const monitor: any = pulumi.runtime.getMonitor();
        const registerResource = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: any) => {
            const key = `${req.getType()}::${req.getName()}`;
            this.options.set(key, {
                parent: req.getParent(),
                provider: req.getProvider(),
                deleteBeforeReplace: req.getDeletebeforereplace(),
                propertyDependencies: Object.fromEntries(
                    [...req.getPropertydependenciesMap().entries()].map(([k, v]: [string, any]) => [k, v.getUrnsList()]),
                ),
                engineInputs: rpc.deserializeProperties(req.getObject(), true),
            });
            return registerResource(req, (err: any, resp: any) => {
                const registration = this.registrations.find((r) => `${r.type}::${r.name}` === key);
                if (registration && resp) registration.urn = resp.getUrn();
                callback(err, resp);
            });
        };
        if (!listening) {
            listening = true;
            // Pulumi reports a failed registration as an unhandled rejection; the current mocks collect those for
            // the test to assert. The process's other listeners (mocha's, Pulumi's) stay: mocha re-emits rejections
            // it does not own, so the same one can arrive twice, and is kept once.
            process.on("unhandledRejection", (reason) => {
                const ours = current && (current.options_.collectAllRejections || isFromPulumi(reason));
                if (ours && !current!.unhandled.includes(reason as Error)) current!.unhandled.push(reason as Error);
            });
        }
        return this;
    }

    /** Registrations of custom resources (AWS resources and providers), in order. */
    custom(type?: string): Registration[] {
        return this.registrations.filter((r) => r.custom && (type === undefined || r.type === type));
    }

    byName(name: string): Registration {
        const found = this.registrations.filter((r) => r.name === name);
        if (found.length !== 1) throw new Error(`expected one registration named ${name}, found ${found.length}`);
        return found[0];
    }

    invokesOf(token: string): Invoke[] {
        return this.invokes.filter((i) => i.token === token);
    }

    private addVpc(vpc: Vpc) {
        this.vpcs.set(vpc.id, vpc);
        this.securityGroups.set(vpc.defaultSecurityGroupId, { id: vpc.defaultSecurityGroupId, vpcId: vpc.id });
    }

    private regionOf(provider: string | undefined, inputs: Record<string, any> = {}): string {
        if (typeof inputs.region === "string") return inputs.region;
        if (!provider) return this.region;
        const id = provider.split("::").pop()!;
        const region = this.providerRegions.get(id);
        if (!region) throw new Error(`mocks: unknown provider reference ${provider}`);
        return region;
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        // AWS sees the plain values: the engine unwraps secrets before a provider gets them.
        const [inputs] = rpc.unwrapSecretValues(args.inputs ?? {});
        this.invokes.push({ token: args.token, inputs, provider: args.provider ?? "" });
        try {
            return this.answer({ ...args, inputs });
        } catch (e) {
            // The engine answers a failed invoke as a gRPC error whose `details` carry the provider's message.
            throw Object.assign(e as Error, { details: `invocation of ${args.token} returned an error: ${(e as Error).message}` });
        }
    }

    private answer(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const inputs = args.inputs ?? {};
        const region = this.regionOf(args.provider, inputs);
        switch (args.token) {
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
                throw new Error(`mocks: unmocked invoke ${args.token}`);
        }
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        // AWS sees the plain values; the engine keeps an output secret when the input of the same name was.
        const secretKeys = Object.keys(args.inputs).filter((k) => rpc.unwrapSecretValues(args.inputs[k])[1]);
        const [inputs] = rpc.unwrapSecretValues(args.inputs);
        args = { ...args, inputs };
        const registration: Registration = {
            type: args.type,
            name: args.name,
            custom: args.custom ?? false,
            inputs: args.inputs,
            parent: "",
            provider: "",
            deleteBeforeReplace: false,
            propertyDependencies: {},
            engineInputs: args.inputs,
            ...this.options.get(`${args.type}::${args.name}`),
        };
        this.registrations.push(registration);
        const result = this.create(args);
        registration.id = result.id;
        registration.state = result.state;
        const state = { ...result.state };
        for (const k of secretKeys) if (k in state) state[k] = { [rpc.specialSigKey]: rpc.specialSecretSig, value: state[k] };
        return { id: result.id, state };
    }

    private create(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const inputs = args.inputs;
        if (!args.custom) return { id: undefined, state: {} };
        if (args.type === "pulumi:providers:aws") {
            const id = hex(`provider/${args.name}`, 8) + "-0000-4000-8000-" + hex(`provider/${args.name}`, 12);
            this.providerRegions.set(id, inputs.region ?? this.region);
            return { id, state: inputs };
        }
        const region = this.regionOf(args.provider, inputs);
        const seed = `${args.type}/${args.name}`;
        // A preview asks AWS nothing: new resources have unknown ids and computed outputs.
        if (this.preview) return { id: undefined, state: inputs };
        if (inputs.tags !== undefined) {
            const problems = validateTags(inputs.tags);
            if (problems.length) throw awsError("InvalidParameterValue", `invalid tags on ${args.name}`);
        }
        switch (args.type) {
            case "aws:ec2/vpc:Vpc": {
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
            case "aws:ec2/subnet:Subnet": {
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
            case "aws:ec2/securityGroup:SecurityGroup": {
                const vpc = this.vpcs.get(inputs.vpcId);
                if (!vpc || vpc.region !== region) throw awsError("InvalidVpcID.NotFound", `The vpc ID '${inputs.vpcId}' does not exist`);
                const description: string = inputs.description ?? "Managed by Pulumi";
                if (description.length > 255 || !/^[\x20-\x7e]*$/.test(description)) {
                    throw awsError("InvalidParameterValue", "Invalid security group description");
                }
                for (const rule of [...(inputs.ingress ?? []), ...(inputs.egress ?? [])]) {
                    for (const [list, version] of [[rule.cidrBlocks, 4], [rule.ipv6CidrBlocks, 6]] as const) {
                        for (const cidr of list ?? []) {
                            // AWS takes 0.0.0.0/0 and ::/0 (the component refuses them, AWS does not); it rejects
                            // malformed blocks and blocks of the other IP version.
                            if (parseCidr(cidr)?.version !== version) throw awsError("InvalidParameterValue", `CIDR block ${cidr} is malformed`);
                        }
                    }
                }
                const id = ec2Id("sg", seed);
                this.securityGroups.set(id, { id, vpcId: vpc.id });
                // Pulumi's auto-naming: the logical name and a random suffix, chosen by the provider, not the program.
                const name = inputs.name ?? `${args.name}-${hex(seed, 7)}`;
                return { id, state: { ...inputs, name, description, arn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:security-group/${id}`, ownerId: ACCOUNT_ID, region } };
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint":
                return this.createEndpoint(seed, region, inputs);
            case "aws:apprunner/service:Service": {
                if (!isAppRunnerRegion(region)) throw noAppRunner(region);
                const serviceName: string = inputs.serviceName;
                if (validateConnectionName(serviceName).length) {
                    throw awsError("InvalidRequestException", `1 validation error detected: Value '${serviceName}' at 'serviceName' failed to satisfy constraint`);
                }
                const arn = `arn:aws:apprunner:${region}:${ACCOUNT_ID}:service/${serviceName}/${hex(`service/${region}/${serviceName}`, 32)}`;
                this.services.set(arn, { arn, region });
                // A private service has no public URL (aws/apprunner-roadmap#235): clients use the connection's domain name.
                const isPublic = inputs.networkConfiguration?.ingressConfiguration?.isPubliclyAccessible !== false;
                return {
                    id: arn,
                    state: { ...inputs, arn, serviceId: arn.split("/").pop(), ...(isPublic ? { serviceUrl: appRunnerHost(arn, region) } : {}), status: "RUNNING", region },
                };
            }
            case "aws:apprunner/vpcIngressConnection:VpcIngressConnection":
                // @pulumi/aws autonames the connection: its logical name, "-", 7 random hexadecimal characters.
                // (Random there; here seeded by the count of connections, so two same-named children still differ.)
                return this.createConnection(region, { ...inputs, name: inputs.name ?? `${args.name}-${hex(`autoname/${seed}/${this.connections.size}`, 7)}` });
            case "pulumi:pulumi:StackReference": {
                const outputs = this.options_.stackReferences?.[inputs.name];
                if (outputs === undefined) {
                    throw new Error(`stack reference "${inputs.name}" has no outputs here: pass --stack-reference ${inputs.name}=FILE (a JSON object of its outputs)`);
                }
                return { id: inputs.name, state: { name: inputs.name, outputs, secretOutputNames: [] } };
            }
            default:
                if (this.options_.passThroughUnmodelled) {
                    this.passedThrough.push(this.registrations[this.registrations.length - 1]);
                    // Pulumi's autonaming, for the many types with a `name`: the logical name and 7 random characters.
                    return { id: `${args.name}-${hex(seed, 8)}`, state: { name: `${args.name}-${hex(`${seed}/name`, 7)}`, ...inputs } };
                }
                throw new Error(`mocks: unmocked resource type ${args.type}`);
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
        if (inputs.policy !== undefined) {
            throw awsError("InvalidParameter", "VPC endpoint policies are not supported for App Runner.");
        }
        const ipAddressType = inputs.ipAddressType ?? "ipv4";
        if (!["ipv4", "dualstack"].includes(ipAddressType)) {
            throw awsError("InvalidParameter", `App Runner private endpoints support ipv4 and dualstack, got ipAddressType ${ipAddressType}.`);
        }
        const subnetIds: string[] = inputs.subnetIds ?? [];
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
        const securityGroupIds: string[] = inputs.securityGroupIds ?? [vpc.defaultSecurityGroupId];
        for (const id of securityGroupIds) {
            const sg = this.securityGroups.get(id);
            if (!sg) throw awsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
            if (sg.vpcId !== vpc.id) throw awsError("InvalidParameter", `The security group ${id} is not in the VPC ${vpc.id}.`);
        }
        const id = ec2Id("vpce", seed);
        this.endpoints.set(id, { id, region, vpcId: vpc.id, serviceName: inputs.serviceName });
        const dnsName = `${id}-${hex(`${seed}/dns`, 8)}.apprunner.requests.${region}.vpce.amazonaws.com`;
        return {
            id,
            state: {
                ...inputs,
                securityGroupIds,
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

    private createConnection(region: string, inputs: Record<string, any>) {
        if (!isAppRunnerRegion(region)) throw noAppRunner(region);
        const name: string = inputs.name;
        if (validateConnectionName(name).length) {
            throw awsError("InvalidRequestException", `1 validation error detected: Value '${name}' at 'vpcIngressConnectionName' failed to satisfy constraint`);
        }
        for (const c of this.connections.values()) {
            if (c.region === region && c.name === name) {
                throw awsError("InvalidRequestException", `A VPC ingress connection named ${name} already exists.`);
            }
        }
        const service = this.services.get(inputs.serviceArn);
        if (!service || service.region !== region) {
            throw awsError("ResourceNotFoundException", `Service ${inputs.serviceArn} not found in ${region}.`);
        }
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
        const arn = `arn:aws:apprunner:${region}:${ACCOUNT_ID}:vpcingressconnection/${name}/${hex(`connection/${region}/${name}`, 32)}`;
        this.connections.set(arn, { arn, name, region, serviceArn: service.arn, status: "AVAILABLE" });
        return {
            id: arn,
            state: { ...inputs, arn, domainName: appRunnerHost(arn, region), status: "AVAILABLE", region },
        };
    }
}

/** App Runner has no API endpoint outside its regions: the AWS provider's request fails before AWS can answer. */
function noAppRunner(region: string): Error {
    return new Error(`mock AWS: App Runner does not exist in ${region}: apprunner.${region}.amazonaws.com does not resolve`);
}

/** Rejections Pulumi's runtime raises for a program's resources: registration and apply failures. */
function isFromPulumi(reason: unknown): boolean {
    return pulumi.ResourceError.isInstance(reason) || pulumi.RunError.isInstance(reason) || /^mock AWS|^mocks: /.test(String((reason as Error)?.message));
}

/** The value of an Output, or `undefined` when it is unknown (preview). Rejects as the Output does. */
export async function valueOf<T>(output: pulumi.Output<T>): Promise<T | undefined> {
    const o = output as any;
    return (await o.isKnown) ? o.promise() : undefined;
}

/** Sets the program's config; a key without a namespace (`vpcId`) is the project's (`<project>:vpcId`). */
export function setProjectConfig(project: string, config: Record<string, string>): void {
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v])));
}

/**
 * Runs a compiled Pulumi program (a module that registers resources when loaded) under fresh mocks, with the
 * given config (keys without the project prefix), and returns its registrations and resolved stack outputs.
 */
export async function runProgram(
    modulePath: string,
    opts: { config?: Record<string, string>; preview?: boolean; project?: string } = {},
): Promise<{ mocks: AwsMocks; outputs: Record<string, unknown> }> {
    const project = opts.project ?? "project";
    const mocks = new AwsMocks({ preview: opts.preview }).install(project);
    setProjectConfig(project, opts.config ?? {});
    delete require.cache[require.resolve(modulePath)];
    const exported: Record<string, unknown> = require(modulePath);
    const outputs = Object.fromEntries(
        await Promise.all(
            Object.entries(exported).map(async ([k, v]) => [k, pulumi.Output.isInstance(v) ? await valueOf(v) : v] as const),
        ),
    );
    return { mocks, outputs };
}
