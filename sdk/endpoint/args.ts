// The arguments InterfaceEndpoint and PrivateEndpoint share.
import * as pulumi from "@pulumi/pulumi";
import { IpAddressType } from "../aws";

/**
 * The arguments InterfaceEndpoint and PrivateEndpoint share: the endpoint's VPC, and how a new endpoint is made.
 * Declared once, so both components, and the schema other languages get, describe them in the same words
 * (AWS CDK: InterfaceVpcEndpointOptions, which InterfaceVpcEndpointProps extends).
 */
export interface EndpointArgs {
    /** The id of the VPC the endpoint is in, which clients reach the services from, e.g. `vpc.id`. Required. */
    vpcId: pulumi.Input<string>;
    /**
     * Subnets of `vpcId` for a new endpoint's network interfaces, at most one per Availability Zone; two zones or more
     * are advised (one zone logs a warning). Required by an InterfaceEndpoint; a PrivateEndpoint takes exactly one of
     * `subnetIds` and `vpcEndpointId`. Default (PrivateEndpoint): none; `vpcEndpointId` then names the endpoint to reuse.
     */
    subnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups for a new endpoint, instead of the one the component would create. Cannot be combined with
     * `allowedCidrBlocks` or `allowedSecurityGroupIds`, nor with a PrivateEndpoint's `vpcEndpointId`.
     * Default: a security group is created that allows TCP 443 only, from `allowedCidrBlocks` and
     * `allowedSecurityGroupIds`, and no egress.
     */
    securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * CIDR blocks allowed to reach the created security group on TCP 443: IPv4, and IPv6 when `ipAddressType` is
     * "dualstack"; 0.0.0.0/0 and ::/0 are refused. Cannot be combined with `securityGroupIds`, nor with a
     * PrivateEndpoint's `vpcEndpointId`. Default: the VPC's CIDR blocks (IPv4 primary and associated, plus its IPv6
     * block for "dualstack"), looked up once, unless `allowedSecurityGroupIds` is given, in which case none.
     */
    allowedCidrBlocks?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups whose members may reach the created security group on TCP 443: the least-privilege choice when
     * clients are known by group rather than by address. Groups of `vpcId` only. With `allowedCidrBlocks`, both are
     * admitted. Cannot be combined with `securityGroupIds`, nor with a PrivateEndpoint's `vpcEndpointId`.
     * Default: none (with neither this nor `allowedCidrBlocks`, the VPC's CIDR blocks are admitted).
     */
    allowedSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The IP address type of a new endpoint: "ipv4", or "dualstack" (IPv4 and IPv6; every subnet needs an IPv6
     * CIDR block). Cannot be combined with a PrivateEndpoint's `vpcEndpointId`. Default: "ipv4".
     */
    ipAddressType?: pulumi.Input<IpAddressType>;
    /**
     * Tags for the endpoint and the security group the component creates (at most 50, no `aws:` keys, every value a
     * string); given with an adoption argument, the adopted endpoint and group get them too, in place. A PrivateEndpoint's
     * VPC ingress connection carries none: AWS's CloudFormation type for it, which the component drives through Cloud
     * Control, takes tags only when a connection is created and replaces it when they change. Default: no tags beyond the
     * provider's `defaultTags`; adopted resources keep the tags they have.
     */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /**
     * Adoption: the id of an existing `com.amazonaws.<region>.apprunner.requests` Interface endpoint in `vpcId` (made in
     * the console, by AWS Copilot, ...) for the component to manage as its endpoint instead of creating one. Pulumi
     * imports it (the `import` option on the component's endpoint), then updates its subnets and security groups to
     * `subnetIds` and the component's groups, in place: nothing is replaced, and Pulumi refuses any change that would
     * replace it. Its private DNS setting and IP address type stay as they are unless `ipAddressType` is given.
     * A plain string known when the program runs; keep it in the program afterwards (README, "Adopting existing
     * resources"). Cannot be combined with a PrivateEndpoint's `vpcEndpointId`. Default: none; a new endpoint is created.
     */
    adoptVpcEndpointId?: pulumi.Input<string>;
    /**
     * Adoption: the id of an existing security group of the endpoint, for the component to manage instead of creating
     * one (Pulumi's `import` option on the component's group). Its name and description stay (they are looked up); its
     * rules stay as they are unless `allowedCidrBlocks` or `allowedSecurityGroupIds` is given, which replace them in
     * place with TCP 443 from those sources and no egress. Not a VPC's default group. A plain string known when the
     * program runs; keep it in the program afterwards. Cannot be combined with `securityGroupIds`, nor with a
     * PrivateEndpoint's `vpcEndpointId`. Default: none; a security group is created unless `securityGroupIds` is given.
     */
    adoptSecurityGroupId?: pulumi.Input<string>;
    /**
     * Adopt `adoptSecurityGroupId` even though network interfaces other than the adopted endpoint's use it (an instance's,
     * a Lambda function's): the group becomes the component's, its rules are replaced when `allowedCidrBlocks` or
     * `allowedSecurityGroupIds` is given (cutting those interfaces' traffic), and `pulumi destroy` deletes it, which AWS
     * refuses while they use it. A plain boolean known when the program runs. Default: false; a group other interfaces
     * use is refused, naming them (pass it in `securityGroupIds` instead to keep using it without managing it).
     */
    adoptSharedSecurityGroup?: pulumi.Input<boolean>;
}
