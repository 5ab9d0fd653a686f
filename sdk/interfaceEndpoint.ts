import * as pulumi from "@pulumi/pulumi";
import { INTERFACE_ENDPOINT_TYPE, IpAddressType, PRIVATE_ENDPOINT_TYPE } from "./aws";
import { EndpointResources, checkEndpoint, checkRegion, checkVpcId, createEndpoint, gateOf, lookupsOf } from "./endpoint";
import { Checks, isPlain } from "./known";
import { show, validateRequired, validateSecurityGroupChoice, validateTags } from "./validation";

/** The arguments of an InterfaceEndpoint. */
export interface InterfaceEndpointArgs {
    /** The id of the VPC the endpoint serves, e.g. `vpc.id`. Required. */
    vpcId: pulumi.Input<string>;
    /**
     * Subnets of `vpcId` for the endpoint's network interfaces, at most one per Availability Zone; two zones or more
     * are advised (one zone logs a warning). Required.
     */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups for the endpoint. Cannot be combined with `allowedCidrBlocks` or `allowedSecurityGroupIds`.
     * Default: a security group is created that allows TCP 443 only, from `allowedCidrBlocks` and
     * `allowedSecurityGroupIds`, and no egress.
     */
    securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * CIDR blocks allowed to reach the created security group on TCP 443: IPv4, and IPv6 when `ipAddressType` is
     * "dualstack"; 0.0.0.0/0 and ::/0 are refused. Cannot be combined with `securityGroupIds`. Default: the VPC's CIDR
     * blocks (IPv4 primary and associated, plus its IPv6 block for "dualstack"), unless `allowedSecurityGroupIds` is
     * given, in which case none.
     */
    allowedCidrBlocks?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups whose members may reach the created security group on TCP 443: the least-privilege choice when
     * clients are known by group rather than by address. Groups of `vpcId` only. With `allowedCidrBlocks`, both are
     * admitted. Cannot be combined with `securityGroupIds`. Default: none (with neither this nor
     * `allowedCidrBlocks`, the VPC's CIDR blocks are admitted).
     */
    allowedSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The IP address type of the endpoint: "ipv4", or "dualstack" (IPv4 and IPv6; every subnet needs an IPv6 CIDR
     * block). Default: "ipv4".
     */
    ipAddressType?: pulumi.Input<IpAddressType>;
    /** Tags for the endpoint and its security group (at most 50, no `aws:` keys). Default: no tags beyond the provider's `defaultTags`. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /**
     * Migration: the name of a PrivateEndpoint (under the same parent as this component) that created its endpoint
     * with `subnetIds`. This component takes over that endpoint and its security group, by aliases, so neither is
     * replaced and no connection through them is; give that PrivateEndpoint this component's `vpcEndpointId` in the
     * same update. Default: none (a new endpoint).
     */
    adoptFrom?: pulumi.Input<string>;
}

// Child resources live here, not in fields: every field of the class becomes an output in the schema.
const children = new WeakMap<InterfaceEndpoint, EndpointResources>();

/**
 * The App Runner interface endpoint of one VPC (`com.amazonaws.<region>.apprunner.requests`) and its security group,
 * for any number of services: give each PrivateEndpoint its `vpcEndpointId`. Owned by no service, so services can
 * come and go without touching it.
 */
export class InterfaceEndpoint extends pulumi.ComponentResource {
    /** The id of the interface endpoint: pass it to PrivateEndpoints as `vpcEndpointId`. */
    public readonly vpcEndpointId: pulumi.Output<string>;
    /** The id of the security group created for the endpoint; undefined when `securityGroupIds` is given. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;
    /** The id of the VPC the endpoint serves: `vpcId`, for PrivateEndpoints that share the endpoint. */
    public readonly vpcId: pulumi.Output<string>;

    /** The interface endpoint (TypeScript only). */
    public get vpcEndpoint() {
        return children.get(this)!.vpcEndpoint;
    }
    /** The security group, when this component created it (TypeScript only). */
    public get securityGroup() {
        return children.get(this)?.securityGroup;
    }

    constructor(name: string, args: InterfaceEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super(INTERFACE_ENDPOINT_TYPE, name, {}, opts);
        args = args ?? {};
        const lookups = lookupsOf(this, true);

        // Step 1. Validate: what is known now refuses the component before anything is registered; the rest, and the
        // lookups, gate every child.
        const checks = new Checks();
        const has = (k: keyof InterfaceEndpointArgs) => args[k] !== undefined;
        checks.add(validateSecurityGroupChoice({ securityGroupIds: has("securityGroupIds"), allowedCidrBlocks: has("allowedCidrBlocks"), allowedSecurityGroupIds: has("allowedSecurityGroupIds") }));
        checkVpcId(checks, args.vpcId);
        if (args.subnetIds === undefined) checks.add(validateRequired("subnetIds", undefined));
        else checkEndpoint(checks, args, lookups, this);
        checks.input(args.tags, validateTags);
        checkRegion(checks, lookups);
        const adoptFrom = adoptedName(args.adoptFrom, checks);
        const gate = gateOf(checks, this);

        // Step 2. The endpoint and its security group; when adopting, under the names the PrivateEndpoint gave them.
        const aliases = (child: string): pulumi.Input<pulumi.Alias>[] =>
            adoptFrom === undefined ? [] : [{ name: `${adoptFrom}-${child}`, parent: pulumi.createUrn(adoptFrom, PRIVATE_ENDPOINT_TYPE, opts?.parent) }];
        const created = createEndpoint(name, { ...args, subnetIds: args.subnetIds ?? [] }, lookups, gate, this, aliases);
        children.set(this, created);

        // Step 3. Outputs.
        this.vpcEndpointId = created.vpcEndpoint.id;
        this.securityGroupId = created.securityGroup ? created.securityGroup.id : pulumi.output(undefined);
        this.vpcId = created.vpcEndpoint.vpcId;
        this.registerOutputs({ vpcEndpointId: this.vpcEndpointId, securityGroupId: this.securityGroupId, vpcId: this.vpcId });
    }
}

/** `adoptFrom` must be known when the component is constructed: aliases cannot wait for a value. */
function adoptedName(value: pulumi.Input<string> | undefined, checks: Checks): string | undefined {
    if (value === undefined) return undefined;
    if (isPlain(value) && typeof value === "string" && value.length > 0) return value;
    checks.add([
        `\`adoptFrom\` must be the name of a PrivateEndpoint, known when the program runs, got: ${isPlain(value) ? show(value) : "a value known only later"}. ` +
            'Pass the name as a plain string, e.g. "api".',
    ]);
    return undefined;
}
