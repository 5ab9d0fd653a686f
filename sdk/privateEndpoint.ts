// The AWS SDK's modules are imported one by one, not through `@pulumi/aws`'s index: loading the index costs
// ~100 ms, which the component provider would pay on every start (see `npm run bench:provider`).
import { VpcIngressConnection } from "@pulumi/aws/apprunner/vpcIngressConnection";
import { getSubnet } from "@pulumi/aws/ec2/getSubnet";
import { GetVpcResult, getVpcOutput } from "@pulumi/aws/ec2/getVpc";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import * as pulumi from "@pulumi/pulumi";
import { HTTPS_PORT, PRIVATE_ENDPOINT_TYPE, appRunnerEndpointServiceName, defaultConnectionName } from "./aws";
import {
    SubnetFacts,
    show,
    validateCidrBlocks,
    validateConnectionName,
    validateEc2Id,
    validateEc2IdList,
    validateEndpointChoice,
    validateRequired,
    validateServiceArn,
    validateServiceNotConnected,
    validateServiceRegion,
    validateSubnetPlacement,
    validateTags,
} from "./validation";

/** The arguments of a PrivateEndpoint. */
export interface PrivateEndpointArgs {
    /**
     * The ARN of the App Runner service to make private, e.g. `service.arn`. The service must be in the region
     * of the AWS provider, must not be connected by another PrivateEndpoint, and should set
     * `networkConfiguration.ingressConfiguration.isPubliclyAccessible` to false, or it stays reachable from the
     * internet. Required.
     */
    serviceArn: pulumi.Input<string>;
    /** The id of the VPC the service is reached from, e.g. `vpc.id`. Required. */
    vpcId: pulumi.Input<string>;
    /**
     * Subnets of `vpcId` for a new App Runner interface endpoint, at most one per Availability Zone; two zones or
     * more are advised (one zone logs a warning). Exactly one of `subnetIds` and `vpcEndpointId` must be given.
     * Default: none; without it, `vpcEndpointId` must be given.
     */
    subnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The id of an existing `com.amazonaws.<region>.apprunner.requests` interface endpoint in `vpcId` to connect
     * the service through, e.g. another PrivateEndpoint's `vpcEndpointId`; one endpoint can serve many services.
     * Exactly one of `subnetIds` and `vpcEndpointId` must be given. Default: none; without it, `subnetIds` must be
     * given and a new endpoint is created.
     */
    vpcEndpointId?: pulumi.Input<string>;
    /**
     * Security groups for a new endpoint. Cannot be combined with `vpcEndpointId` or `allowedCidrBlocks`.
     * Default: a security group is created that allows TCP 443 only, from `allowedCidrBlocks`, and no egress.
     */
    securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * IPv4 CIDR blocks allowed to reach the created security group on TCP 443; 0.0.0.0/0 is refused. Cannot be
     * combined with `vpcEndpointId` or `securityGroupIds`. Default: the VPC's IPv4 CIDR blocks (primary and
     * associated), looked up once.
     */
    allowedCidrBlocks?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The name of the VPC ingress connection: 4 to 40 characters, letters, digits, hyphens and underscores,
     * starting with a letter or digit, unique among the account's connections in the region. Default: the
     * component name made valid for AWS, plus a 7-character hash of project, stack and component name, so two
     * stacks in one account do not collide.
     */
    connectionName?: pulumi.Input<string>;
    /**
     * Tags for every resource the component creates (at most 50, no `aws:` keys). Default: no tags beyond the
     * provider's `defaultTags`.
     */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

interface Children {
    vpcEndpoint?: VpcEndpoint;
    securityGroup?: SecurityGroup;
    vpcIngressConnection: VpcIngressConnection;
}

// Child resources live here, not in fields: every field of the class becomes an output in the schema that
// other languages see, and those languages get the scalar outputs instead.
const children = new WeakMap<PrivateEndpoint, Children>();

/**
 * What one program (one resource monitor) shares between components: the provider region, looked up once per
 * provider, and which component connects which service (AWS allows one connection per service).
 */
interface ProgramScope {
    regions: Map<pulumi.ProviderResource | undefined, pulumi.Output<string>>;
    connectedServices: Map<string, string>;
}
const scopes = new WeakMap<object, ProgramScope>();
const processKey = {};
function programScope(): ProgramScope {
    const key: object = pulumi.runtime.getMonitor() ?? processKey;
    let scope = scopes.get(key);
    if (!scope) {
        scope = { regions: new Map(), connectedServices: new Map() };
        scopes.set(key, scope);
    }
    return scope;
}

const UNKNOWN = Symbol("unknown");

/** The value of an input if it is fully known now (no Output or Promise inside), else UNKNOWN. */
function knownNow(value: unknown): unknown {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return UNKNOWN;
    if (Array.isArray(value)) return value.some((v) => knownNow(v) === UNKNOWN) ? UNKNOWN : value;
    if (typeof value === "object" && value !== null) {
        return Object.values(value).some((v) => knownNow(v) === UNKNOWN) ? UNKNOWN : value;
    }
    return value;
}

/**
 * Makes an AWS App Runner service private: reachable only from inside a VPC, through an AWS PrivateLink
 * interface endpoint (`com.amazonaws.<region>.apprunner.requests`) and a VPC ingress connection. Creates the
 * endpoint and a security group allowing HTTPS from the VPC, or reuses an endpoint shared by several services.
 */
export class PrivateEndpoint extends pulumi.ComponentResource {
    /** The private domain name of the service; clients inside the VPC call `https://<domainName>`. */
    public readonly domainName: pulumi.Output<string>;
    /** `https://` followed by `domainName`: the URL clients inside the VPC use. */
    public readonly url: pulumi.Output<string>;
    /** The id of the interface endpoint the service is reached through, created here or the given `vpcEndpointId`; pass it to other PrivateEndpoints to share the endpoint. */
    public readonly vpcEndpointId: pulumi.Output<string>;
    /** The ARN of the VPC ingress connection. */
    public readonly vpcIngressConnectionArn: pulumi.Output<string>;
    /** The status of the VPC ingress connection, e.g. AVAILABLE. */
    public readonly status: pulumi.Output<string>;
    /** The id of the security group created for the endpoint; undefined when `securityGroupIds` or `vpcEndpointId` is given. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;

    /** The VPC ingress connection (TypeScript only). */
    public get vpcIngressConnection(): VpcIngressConnection {
        return children.get(this)!.vpcIngressConnection;
    }
    /** The interface endpoint, when this component created it (TypeScript only); undefined with `vpcEndpointId`. */
    public get vpcEndpoint(): VpcEndpoint | undefined {
        return children.get(this)?.vpcEndpoint;
    }
    /** The security group, when this component created it (TypeScript only). */
    public get securityGroup(): SecurityGroup | undefined {
        return children.get(this)?.securityGroup;
    }

    constructor(name: string, args: PrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super(PRIVATE_ENDPOINT_TYPE, name, {}, opts);
        args = args ?? {};
        const fail = (problems: string[]) => {
            if (problems.length > 0) throw refusal(problems.join("\n"), this);
        };
        // Checks a value now if it is known, else when it resolves; the checked Output is what children get.
        const checkNow = (value: unknown, check: (v: any) => string[]): string[] => {
            const v = knownNow(value);
            return v === UNKNOWN ? [] : check(v);
        };
        const checkIfGiven = (value: unknown, check: (v: any) => string[]) => (value === undefined ? [] : checkNow(value, check));
        const checked = <T>(value: pulumi.Input<T>, check: (v: any) => string[]): pulumi.Output<pulumi.Unwrap<T>> =>
            pulumi.output(value).apply((v) => {
                fail(check(v));
                return v;
            });

        const scope = programScope();
        const creatingEndpoint = args.subnetIds !== undefined;
        const checkArn = (v: unknown) => [...validateRequired("serviceArn", v), ...(v ? validateServiceArn(v) : [])];
        const checkVpcId = (v: unknown) => [...validateRequired("vpcId", v), ...(v ? validateEc2Id("vpcId", "vpc", v) : [])];
        const checkSubnetIds = (v: unknown) => validateEc2IdList("subnetIds", "subnet", v);
        const checkSecurityGroupIds = (v: unknown) => validateEc2IdList("securityGroupIds", "securityGroup", v);
        const checkEndpointId = (v: unknown) => validateEc2Id("vpcEndpointId", "vpcEndpoint", v);
        const knownArn = knownNow(args.serviceArn);

        // Everything known now is checked before any child is registered.
        fail([
            ...validateEndpointChoice({
                subnetIds: args.subnetIds !== undefined,
                vpcEndpointId: args.vpcEndpointId !== undefined,
                securityGroupIds: args.securityGroupIds !== undefined,
                allowedCidrBlocks: args.allowedCidrBlocks !== undefined,
            }),
            ...checkNow(args.serviceArn, checkArn),
            ...checkNow(args.vpcId, checkVpcId),
            ...checkIfGiven(args.subnetIds, checkSubnetIds),
            ...checkIfGiven(args.vpcEndpointId, checkEndpointId),
            ...checkIfGiven(args.securityGroupIds, checkSecurityGroupIds),
            ...checkIfGiven(args.allowedCidrBlocks, validateCidrBlocks),
            ...checkIfGiven(args.connectionName, validateConnectionName),
            ...checkIfGiven(args.tags, validateTags),
            ...(typeof knownArn === "string" ? validateServiceNotConnected(knownArn, scope.connectedServices.get(knownArn)) : []),
        ]);
        const claimService = (arn: string) => scope.connectedServices.set(arn, name);
        if (typeof knownArn === "string") claimService(knownArn);

        // The provider's region: one lookup per provider per program, however many components share it.
        const provider = this.getProvider("aws:index/getRegion:getRegion");
        let region = scope.regions.get(provider);
        if (!region) {
            region = getRegionOutput({}, { parent: this }).region;
            scope.regions.set(provider, region);
        }

        const vpcId = checked(args.vpcId, checkVpcId);
        const tags = args.tags === undefined ? undefined : checked(args.tags, validateTags);
        const serviceArn = pulumi.all([args.serviceArn, region]).apply(([arn, providerRegion]) => {
            fail(checkArn(arn));
            fail(validateServiceRegion(arn, providerRegion));
            if (typeof knownArn !== "string") {
                fail(validateServiceNotConnected(arn, scope.connectedServices.get(arn)));
                claimService(arn);
            }
            return arn;
        });

        let vpcEndpoint: VpcEndpoint | undefined;
        let securityGroup: SecurityGroup | undefined;
        if (creatingEndpoint) {
            const subnetIds = pulumi.all([args.subnetIds!, vpcId, region]).apply(async ([ids, vpc, providerRegion]) => {
                fail(checkSubnetIds(ids));
                const subnets = await Promise.all(ids.map((id, i) => this.lookUpSubnet(id, i, providerRegion)));
                const { errors, warning } = validateSubnetPlacement(vpc, subnets);
                fail(errors);
                if (warning) pulumi.log.warn(warning, this);
                return ids;
            });
            let securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
            if (args.securityGroupIds !== undefined) {
                securityGroupIds = checked(args.securityGroupIds, checkSecurityGroupIds);
            } else {
                const cidrBlocks =
                    args.allowedCidrBlocks !== undefined
                        ? checked(args.allowedCidrBlocks, validateCidrBlocks)
                        : getVpcOutput({ id: vpcId }, { parent: this }).apply(vpcIpv4CidrBlocks);
                securityGroup = new SecurityGroup(
                    `${name}-endpoint-sg`,
                    {
                        vpcId,
                        description: "HTTPS to the App Runner interface endpoint",
                        ingress: [
                            {
                                description: "HTTPS from the allowed CIDR blocks",
                                protocol: "tcp",
                                fromPort: HTTPS_PORT,
                                toPort: HTTPS_PORT,
                                cidrBlocks,
                            },
                        ],
                        // The endpoint's network interfaces only answer connections made to them, which security
                        // groups allow back statefully; they never open connections, so no egress rule is needed.
                        egress: [],
                        tags,
                    },
                    { parent: this },
                );
                securityGroupIds = [securityGroup.id];
            }
            vpcEndpoint = new VpcEndpoint(
                `${name}-endpoint`,
                {
                    vpcId,
                    // The region the endpoint is created in, i.e. the provider's; the service ARN is checked to match.
                    serviceName: region.apply(appRunnerEndpointServiceName),
                    vpcEndpointType: "Interface",
                    subnetIds,
                    securityGroupIds,
                    // Clients call the connection's own domainName; private DNS for apprunner.requests would only
                    // redirect App Runner API calls (as AWS CDK's and Copilot's private services do not).
                    privateDnsEnabled: false,
                    ipAddressType: "ipv4",
                    tags,
                },
                { parent: this },
            );
        }
        const vpcEndpointId = vpcEndpoint ? vpcEndpoint.id : checked(args.vpcEndpointId!, checkEndpointId);

        const vpcIngressConnection = new VpcIngressConnection(
            `${name}-connection`,
            {
                name:
                    args.connectionName !== undefined
                        ? checked(args.connectionName, validateConnectionName)
                        : defaultConnectionName(name, pulumi.getProject(), pulumi.getStack()),
                serviceArn,
                ingressVpcConfiguration: { vpcId, vpcEndpointId },
                tags,
            },
            // A service can have only one connection, so a replacement must delete the old one first.
            { parent: this, deleteBeforeReplace: true },
        );
        children.set(this, { vpcEndpoint, securityGroup, vpcIngressConnection });

        this.domainName = vpcIngressConnection.domainName;
        this.url = pulumi.interpolate`https://${vpcIngressConnection.domainName}`;
        this.vpcEndpointId = vpcEndpointId;
        this.vpcIngressConnectionArn = vpcIngressConnection.arn;
        this.status = vpcIngressConnection.status;
        this.securityGroupId = securityGroup ? securityGroup.id : pulumi.output(undefined);
        this.registerOutputs({
            domainName: this.domainName,
            url: this.url,
            vpcEndpointId: this.vpcEndpointId,
            vpcIngressConnectionArn: this.vpcIngressConnectionArn,
            status: this.status,
            securityGroupId: this.securityGroupId,
        });
    }

    private async lookUpSubnet(id: string, index: number, region: string): Promise<SubnetFacts> {
        try {
            const subnet = await getSubnet({ id }, { parent: this });
            return { id, vpcId: subnet.vpcId, availabilityZone: subnet.availabilityZone };
        } catch (e) {
            throw refusal(
                `\`subnetIds[${index}]\` must be a subnet the AWS provider can see in ${region}, got: ${show(id)} ` +
                    `(lookup failed: ${e instanceof Error ? e.message : String(e)}). Check the id and the provider's region and account.`,
                this,
            );
        }
    }
}

/**
 * A validation error against the component. Its message is the whole story, so it carries no stack trace and
 * hides its resource from `util.inspect`: Pulumi's handler for unhandled errors formats `util.inspect(error)`
 * even when `hideStack` is set, and in the plugin host that means a source-mapped stack. Measured: 16 s of CPU
 * in the provider process before the error reached the engine; 50 ms without (tests/provider.test.ts).
 */
function refusal(message: string, resource: pulumi.Resource): pulumi.ResourceError {
    const error = new pulumi.ResourceError(message, resource, true);
    Object.defineProperty(error, "resource", { enumerable: false });
    Object.defineProperty(error, "stack", { value: `ResourceError: ${message}`, writable: true, enumerable: false });
    return error;
}

/** The VPC's IPv4 CIDR blocks: the primary one and every associated secondary one, each once. */
export function vpcIpv4CidrBlocks(vpc: Pick<GetVpcResult, "cidrBlock" | "cidrBlockAssociations">): string[] {
    const associated = vpc.cidrBlockAssociations.filter((a) => a.state === "associated").map((a) => a.cidrBlock);
    return [...new Set([vpc.cidrBlock, ...associated])];
}
