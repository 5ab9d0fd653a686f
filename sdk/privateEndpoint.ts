// The AWS SDK's modules are imported one by one, not through `@pulumi/aws`'s index: loading the index costs
// ~100 ms, which the component provider would pay on every start (see `npm run bench:provider`).
import { VpcIngressConnection } from "@pulumi/aws/apprunner/vpcIngressConnection";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import * as pulumi from "@pulumi/pulumi";
import { CONNECTION_NAME_MAX, IpAddressType, PRIVATE_ENDPOINT_TYPE } from "./aws";
import { checkEndpoint, checkRegion, checkVpcId, createEndpoint, gateOf, lookupsOf } from "./endpoint";
import { Checks, Problems, resolve, whenKnown } from "./known";
import { Lookups, connectedServices } from "./scope";
import {
    validateConnectionName,
    validateEc2Id,
    validateEndpointChoice,
    validateRequired,
    validateServiceArn,
    validateServiceNotConnected,
    validateServiceRegion,
    validateTags,
} from "./validation";

export { vpcCidrBlocks } from "./endpoint";

/** The arguments of a PrivateEndpoint. */
export interface PrivateEndpointArgs {
    /**
     * The ARN of the App Runner service to make private, e.g. `service.arn`. The service must be in the region
     * of the AWS provider, must not be connected by another PrivateEndpoint, and must set
     * `networkConfiguration.ingressConfiguration.isPubliclyAccessible` to false, as AWS's procedure for a private
     * service does (the policy pack checks it). Required.
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
     * the service through, e.g. an InterfaceEndpoint's `vpcEndpointId`; one endpoint can serve many services.
     * Exactly one of `subnetIds` and `vpcEndpointId` must be given. Default: none; without it, `subnetIds` must be
     * given and a new endpoint is created.
     */
    vpcEndpointId?: pulumi.Input<string>;
    /**
     * Security groups for a new endpoint. Cannot be combined with `vpcEndpointId`, `allowedCidrBlocks` or
     * `allowedSecurityGroupIds`.
     * Default: a security group is created that allows TCP 443 only, from `allowedCidrBlocks`, and no egress.
     */
    securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * CIDR blocks allowed to reach the created security group on TCP 443: IPv4, and IPv6 when `ipAddressType` is
     * "dualstack"; 0.0.0.0/0 and ::/0 are refused. Cannot be combined with `vpcEndpointId` or `securityGroupIds`.
     * Default: the VPC's CIDR blocks (IPv4 primary and associated, plus its IPv6 block for "dualstack"), looked up once,
     * unless `allowedSecurityGroupIds` is given, in which case none.
     */
    allowedCidrBlocks?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups whose members may reach the created security group on TCP 443: the least-privilege choice when
     * clients are known by group rather than by address. Groups of `vpcId` only. With `allowedCidrBlocks`, both are
     * admitted. Cannot be combined with `vpcEndpointId` or `securityGroupIds`. Default: none (with neither this nor
     * `allowedCidrBlocks`, the VPC's CIDR blocks are admitted).
     */
    allowedSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The IP address type of a new endpoint: "ipv4", or "dualstack" (IPv4 and IPv6; every subnet needs an IPv6
     * CIDR block). Cannot be combined with `vpcEndpointId`. Default: "ipv4".
     */
    ipAddressType?: pulumi.Input<IpAddressType>;
    /**
     * The name of the VPC ingress connection: 4 to 40 characters, letters, digits, hyphens and underscores,
     * starting with a letter or digit, unique among the account's connections in the region. Default: the AWS
     * provider's autonaming (`<name>-connection-` and 7 random characters, kept in the stack's state, and shaped by
     * `pulumi:autonaming` configuration), so renaming the component (with aliases) or the stack keeps the name.
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
 * Makes an AWS App Runner service private: reachable only from inside a VPC, through an AWS PrivateLink
 * interface endpoint (`com.amazonaws.<region>.apprunner.requests`) and a VPC ingress connection. Creates the
 * endpoint and a security group allowing HTTPS from the VPC, or reuses an endpoint shared by several services.
 */
export class PrivateEndpoint extends pulumi.ComponentResource {
    /** The private domain name of the service; clients inside the VPC call `https://<domainName>`. */
    public readonly domainName: pulumi.Output<string>;
    /** `https://` followed by `domainName`: the URL clients inside the VPC use (a private service has no `serviceUrl`). */
    public readonly url: pulumi.Output<string>;
    /** The id of the interface endpoint the service is reached through, created here or the given `vpcEndpointId`; pass it to other PrivateEndpoints to share the endpoint. */
    public readonly vpcEndpointId: pulumi.Output<string>;
    /** The ARN of the VPC ingress connection; secret when `connectionName` is (the ARN contains the name). */
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
        const lookups = lookupsOf(this, args.subnetIds !== undefined);
        const gate = this.validate(name, args, lookups);
        // Step 2. A new endpoint (with `subnetIds`): the same resources an InterfaceEndpoint creates, named from this
        // component and parented to it, as since 0.1.0.
        const endpoint = args.subnetIds !== undefined ? createEndpoint(name, { ...args, subnetIds: args.subnetIds }, lookups, gate, this) : undefined;
        const vpcIngressConnection = this.connect(name, args, endpoint?.vpcEndpoint.id, gate);
        children.set(this, { ...endpoint, vpcIngressConnection });

        // Outputs not taken from a child pass the gate too, so they fail when the component does.
        const gated = <T>(value: pulumi.Input<T>) => pulumi.all([value, gate]).apply(([v]) => v);
        this.domainName = vpcIngressConnection.domainName;
        this.url = pulumi.interpolate`https://${vpcIngressConnection.domainName}`;
        this.vpcEndpointId = endpoint ? endpoint.vpcEndpoint.id : gated(args.vpcEndpointId!);
        // A secret connectionName makes the ARN secret: the ARN contains the name.
        this.vpcIngressConnectionArn =
            args.connectionName === undefined ? vpcIngressConnection.arn : pulumi.all([vpcIngressConnection.arn, args.connectionName]).apply(([arn]) => arn);
        this.status = vpcIngressConnection.status;
        this.securityGroupId = endpoint?.securityGroup ? endpoint.securityGroup.id : pulumi.output(undefined);
        this.registerOutputs({
            domainName: this.domainName,
            url: this.url,
            vpcEndpointId: this.vpcEndpointId,
            vpcIngressConnectionArn: this.vpcIngressConnectionArn,
            status: this.status,
            securityGroupId: this.securityGroupId,
        });
    }

    /**
     * Step 1. Refuses now what is known to be wrong, before anything is registered; returns the gate every child
     * waits for: it resolves once the values known later and the lookups pass, and rejects with every problem
     * otherwise, so nothing is created for a component that is bound to fail.
     */
    private validate(name: string, args: PrivateEndpointArgs, lookups: Lookups): pulumi.Output<never[]> {
        const checks = new Checks();
        const region = resolve(lookups.region);
        const knownArn = typeof args.serviceArn === "string" ? args.serviceArn : undefined;
        const claims = connectedServices();
        const has = (k: keyof PrivateEndpointArgs) => args[k] !== undefined;

        checks.add(
            validateEndpointChoice({
                subnetIds: has("subnetIds"),
                vpcEndpointId: has("vpcEndpointId"),
                securityGroupIds: has("securityGroupIds"),
                allowedCidrBlocks: has("allowedCidrBlocks"),
                allowedSecurityGroupIds: has("allowedSecurityGroupIds"),
                ipAddressType: has("ipAddressType"),
            }),
        );
        checks.add(whenKnown(args.serviceArn, serviceArnProblems));
        checkVpcId(checks, args.vpcId);
        if (args.subnetIds !== undefined) checkEndpoint(checks, { ...args, subnetIds: args.subnetIds }, lookups, this);
        checks.input(args.vpcEndpointId, (v, secret) => validateEc2Id("vpcEndpointId", "vpcEndpoint", v, secret));
        checks.input(args.connectionName, validateConnectionName);
        checks.input(args.tags, validateTags);
        if (knownArn !== undefined) checks.add(validateServiceNotConnected(knownArn, claims.get(knownArn)));

        // Known later: the provider's region, the ARN against it, the service not connected twice, the subnets.
        checkRegion(checks, lookups);
        checks.add(
            whenKnown(args.serviceArn, async (arn, secret) => {
                if (serviceArnProblems(arn, secret).length > 0) return [];
                const r = await region;
                const problems = r.known ? validateServiceRegion(arn, r.value!, secret) : [];
                if (knownArn === undefined) {
                    problems.push(...validateServiceNotConnected(arn, claims.get(arn), secret));
                    if (!claims.has(arn)) claims.set(arn, name);
                }
                return problems;
            }),
        );
        const gate = gateOf(checks, this);
        if (knownArn !== undefined) claims.set(knownArn, name);
        if (args.connectionName === undefined && `${name}-connection`.length + 8 > CONNECTION_NAME_MAX) {
            pulumi.log.warn(
                `The AWS provider names the connection "${name}-connection-" and 7 random characters, ${name.length + 19} characters, and AWS ` +
                    `allows at most ${CONNECTION_NAME_MAX}. Pass \`connectionName\`, or give the component a shorter name.`,
                this,
            );
        }
        return gate;
    }

    /** Step 3. The VPC ingress connection: the service, through the endpoint, named by the provider unless given. */
    private connect(name: string, args: PrivateEndpointArgs, createdEndpointId: pulumi.Output<string> | undefined, gate: pulumi.Output<never[]>) {
        return new VpcIngressConnection(
            `${name}-connection`,
            {
                name: args.connectionName,
                serviceArn: args.serviceArn,
                ingressVpcConfiguration: { vpcId: args.vpcId, vpcEndpointId: createdEndpointId ?? args.vpcEndpointId! },
                tags: args.tags,
            },
            // A service can have only one connection, so a replacement must delete the old one first.
            { parent: this, dependsOn: gate, deleteBeforeReplace: true },
        );
    }
}

/** `serviceArn` is required and an App Runner service ARN in an App Runner region. */
function serviceArnProblems(value: unknown, secret: boolean): Problems {
    if (pulumi.Resource.isInstance(value)) {
        const type = (value as { __pulumiType?: string }).__pulumiType;
        const what = type === "aws:apprunner/service:Service" ? "an App Runner Service resource" : `a ${type ?? "Pulumi"} resource`;
        return [`\`serviceArn\` must be an App Runner service ARN, got: ${what}. Pass \`service.arn\`.`];
    }
    return [...validateRequired("serviceArn", value, secret), ...(value ? validateServiceArn(value, secret) : [])];
}
