// The AWS SDK's modules are imported one by one, not through `@pulumi/aws`'s index: loading the index costs
// ~100 ms, which the component provider would pay on every start (see `npm run bench:provider`).
import { VpcIngressConnection } from "@pulumi/aws/apprunner/vpcIngressConnection";
import { getResource } from "@pulumi/aws/cloudcontrol/getResource";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import * as pulumi from "@pulumi/pulumi";
import { CONNECTION_NAME_MAX, PRIVATE_ENDPOINT_TYPE, parseConnectionArn } from "./aws";
import {
    Adoption,
    EndpointArgs,
    adopt,
    adoptionId,
    checkEndpoint,
    checkRegion,
    checkVpcId,
    createEndpoint,
    gateOf,
    lookupsOf,
} from "./endpoint";
import { Checks, Problems, isPlain, resolve, whenKnown } from "./known";
import { childOptions } from "./options";
import { Lookups, connectedServices } from "./scope";
import { lookupReason } from "./errors";
import {
    AdoptedConnectionFacts,
    show,
    validateAdoptedConnection,
    validateAdoptedConnectionName,
    validateAdoptionChoice,
    validateConnectionName,
    validateConnectionNameNotSecret,
    validateConnectionRegion,
    validateEc2Id,
    validateEndpointChoice,
    validateNoImportOption,
    validateRequired,
    validateServiceArn,
    validateServiceNotConnected,
    validateServiceRegion,
    validateTags,
} from "./validation";

export { vpcCidrBlocks } from "./endpoint";

/** The arguments of a PrivateEndpoint: the service, the shared endpoint arguments, or an endpoint to reuse. */
export interface PrivateEndpointArgs extends EndpointArgs {
    /**
     * The ARN of the App Runner service to make private, e.g. `service.arn`. The service must be in the region
     * of the AWS provider, must not be connected by another PrivateEndpoint, and must set
     * `networkConfiguration.ingressConfiguration.isPubliclyAccessible` to false, as AWS's procedure for a private
     * service does (the policy pack checks it). Required.
     */
    serviceArn: pulumi.Input<string>;
    /**
     * The id of an existing `com.amazonaws.<region>.apprunner.requests` interface endpoint in `vpcId` to connect
     * the service through, e.g. an InterfaceEndpoint's `vpcEndpointId`; one endpoint can serve many services.
     * Exactly one of `subnetIds` and `vpcEndpointId` must be given. Default: none; without it, `subnetIds` must be
     * given and a new endpoint is created.
     */
    vpcEndpointId?: pulumi.Input<string>;
    /**
     * The name of the VPC ingress connection: 4 to 40 characters, letters, digits, hyphens and underscores,
     * starting with a letter or digit, unique among the account's connections in the region. Default: the AWS
     * provider's autonaming (`<name>-connection-` and 7 random characters, kept in the stack's state, and shaped by
     * `pulumi:autonaming` configuration), so renaming the component (with aliases) or the stack keeps the name.
     * Must not be a secret: the name is part of the connection's id and ARN, which the stack's state keeps in clear text.
     * With `adoptConnectionArn`, the adopted connection's name is kept, and any other name is refused.
     */
    connectionName?: pulumi.Input<string>;
    /**
     * Adoption: the ARN of an existing VPC ingress connection of `serviceArn` (made in the console, by AWS Copilot, ...)
     * for the component to manage instead of creating one (Pulumi's `import` option on the component's connection). Its
     * name (the one in the ARN) and its domain name stay, and Pulumi refuses any change that would replace it, so private
     * ingress never goes down. It must join `serviceArn` to `vpcId` through the endpoint the component uses:
     * `vpcEndpointId`, or `adoptVpcEndpointId` with `subnetIds`. Its tags stay unless `tags` is given. A plain string
     * known when the program runs; keep it in the program afterwards (README, "Adopting existing resources").
     * Default: none; a new connection is created.
     */
    adoptConnectionArn?: pulumi.Input<string>;
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
    /** The ARN of the VPC ingress connection; it contains the connection's name. */
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
        const { gate, adoption, connectionArn } = this.validate(name, args, lookups, opts);
        const given = childOptions("PrivateEndpoint", opts);
        for (const w of given.warnings) pulumi.log.warn(w, this);
        // Step 2. A new endpoint (with `subnetIds`): the same resources an InterfaceEndpoint creates, named from this
        // component and parented to it, as since 0.1.0; imported instead with the adoption arguments.
        const endpoint = args.subnetIds !== undefined ? createEndpoint(name, args, lookups, gate, this, given.of, adoption) : undefined;
        const vpcIngressConnection = this.connect(
            name,
            args,
            endpoint?.vpcEndpoint.id,
            gate,
            adopt(given.of("connection"), connectionArn, args),
            connectionArn,
        );
        children.set(this, { ...endpoint, vpcIngressConnection });

        // Outputs not taken from a child pass the gate too, so they fail when the component does.
        const gated = <T>(value: pulumi.Input<T>) => pulumi.all([value, gate]).apply(([v]) => v);
        this.domainName = vpcIngressConnection.domainName;
        this.url = pulumi.interpolate`https://${vpcIngressConnection.domainName}`;
        this.vpcEndpointId = endpoint ? endpoint.vpcEndpoint.id : gated(args.vpcEndpointId!);
        this.vpcIngressConnectionArn = vpcIngressConnection.arn;
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
    private validate(name: string, args: PrivateEndpointArgs, lookups: Lookups, opts: pulumi.ComponentResourceOptions | undefined) {
        const checks = new Checks();
        const region = resolve(lookups.region);
        const knownArn = typeof args.serviceArn === "string" ? args.serviceArn : undefined;
        const claims = connectedServices();
        const has = (k: keyof PrivateEndpointArgs) => args[k] !== undefined;

        // The engine ignores `import` on a component; TypeScript hands the option to the constructor, so it is refused here.
        checks.add(validateNoImportOption("PrivateEndpoint", (opts as pulumi.CustomResourceOptions | undefined)?.import));
        checks.add(
            validateEndpointChoice({
                subnetIds: has("subnetIds"),
                vpcEndpointId: has("vpcEndpointId"),
                securityGroupIds: has("securityGroupIds"),
                allowedCidrBlocks: has("allowedCidrBlocks"),
                allowedSecurityGroupIds: has("allowedSecurityGroupIds"),
                ipAddressType: has("ipAddressType"),
                adoptVpcEndpointId: has("adoptVpcEndpointId"),
                adoptSecurityGroupId: has("adoptSecurityGroupId"),
            }),
        );
        checks.add(
            validateAdoptionChoice({
                adoptVpcEndpointId: has("adoptVpcEndpointId"),
                adoptSecurityGroupId: has("adoptSecurityGroupId"),
                adoptConnectionArn: has("adoptConnectionArn"),
                securityGroupIds: has("securityGroupIds"),
                subnetIds: has("subnetIds"),
            }),
        );
        checks.add(whenKnown(args.serviceArn, serviceArnProblems));
        checkVpcId(checks, args.vpcId);
        let adoption: Adoption = {};
        if (args.subnetIds !== undefined) adoption = checkEndpoint(checks, args, lookups, this);
        checks.input(args.vpcEndpointId, (v, secret) => validateEc2Id("vpcEndpointId", "vpcEndpoint", v, secret));
        if (args.connectionName !== undefined) checks.add(connectionNameProblems(args.connectionName));
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
        // Asked of AWS once every argument passed: the service exists (Cloud Control reads it, so a connection is never
        // tried, nor an endpoint billed, for an ARN AWS does not have).
        checks.lookup(() => whenKnown(args.serviceArn, (arn, secret) => checkServiceExists(arn, secret, this)));

        // An adopted connection: its name is the one in its ARN; it is in the provider's region, and joins this service to
        // this VPC through this endpoint (Cloud Control reads it), since a change to any of them would replace it.
        const connectionArn = adoptionId(checks, "adoptConnectionArn", args.adoptConnectionArn);
        if (connectionArn !== undefined) {
            checks.input(args.connectionName, (v) => validateAdoptedConnectionName(v, connectionArn));
            checks.add(region.then((r) => (r.known ? validateConnectionRegion(connectionArn, r.value!) : [])));
            const endpoint =
                args.subnetIds !== undefined
                    ? { id: adoption.vpcEndpointId, arg: "adoptVpcEndpointId" as const }
                    : { id: args.vpcEndpointId, arg: "vpcEndpointId" as const };
            checks.lookup(() => checkAdoptedConnection(connectionArn, args, endpoint, this));
        }
        const gate = gateOf(checks, this);
        if (knownArn !== undefined) claims.set(knownArn, name);
        if (args.connectionName === undefined && connectionArn === undefined && `${name}-connection`.length + 8 > CONNECTION_NAME_MAX) {
            pulumi.log.warn(
                `The AWS provider names the connection "${name}-connection-" and 7 random characters, ${name.length + 19} characters, and AWS ` +
                    `allows at most ${CONNECTION_NAME_MAX}. Pass \`connectionName\`, or give the component a shorter name.`,
                this,
            );
        }
        return { gate, adoption, connectionArn };
    }

    /**
     * Step 3. The VPC ingress connection: the service, through the endpoint, named by the provider unless given; an
     * adopted one keeps the name in its ARN (a new name would replace it).
     */
    private connect(
        name: string,
        args: PrivateEndpointArgs,
        createdEndpointId: pulumi.Output<string> | undefined,
        gate: pulumi.Output<never[]>,
        options: pulumi.CustomResourceOptions,
        adopted: string | undefined,
    ) {
        return new VpcIngressConnection(
            `${name}-connection`,
            {
                name: adopted !== undefined ? parseConnectionArn(adopted)!.name : args.connectionName,
                serviceArn: args.serviceArn,
                ingressVpcConfiguration: { vpcId: args.vpcId, vpcEndpointId: createdEndpointId ?? args.vpcEndpointId! },
                tags: args.tags,
            },
            // A service can have only one connection, so a replacement must delete the old one first.
            { ...options, parent: this, dependsOn: gate, deleteBeforeReplace: true },
        );
    }
}

/**
 * `connectionName`: a valid name, and not a secret. Whether an Output is secret is known before its value (in a
 * preview, even while the value is unknown), so a secret name is refused then, before any child is registered.
 */
function connectionNameProblems(value: pulumi.Input<string>): Problems | Promise<Problems> {
    if (isPlain(value)) return validateConnectionName(value);
    const output = pulumi.output(value);
    return pulumi
        .isSecret(output)
        .then((secret) => (secret ? validateConnectionNameNotSecret(true) : whenKnown(output, validateConnectionName)));
}

/**
 * The service, read through Cloud Control (`@pulumi/aws` 7 has no App Runner service lookup): refused when AWS does not
 * have it; a warning when it is public (its connection would not make it private) or when it cannot be read (the
 * deploying role lacks the permissions: nothing else depends on this check).
 */
async function checkServiceExists(arn: string, secret: boolean, parent: pulumi.Resource): Promise<Problems> {
    if (serviceArnProblems(arn, secret).length > 0) return [];
    let service: { NetworkConfiguration?: { IngressConfiguration?: { IsPubliclyAccessible?: boolean } } };
    try {
        service = JSON.parse((await getResource({ typeName: "AWS::AppRunner::Service", identifier: arn }, { parent })).properties);
    } catch (e) {
        const reason = lookupReason(e);
        if (/couldn't find resource$/.test(reason)) {
            return [
                `\`serviceArn\` must be an App Runner service that exists in the AWS provider's account and region, got: ${show(arn, secret)}, ` +
                    "which Cloud Control could not find. Check the ARN, or create the service first (pass `service.arn`).",
            ];
        }
        pulumi.log.warn(
            `Could not check that the App Runner service ${show(arn, secret)} exists (Cloud Control: ${reason}). The check needs ` +
                "cloudformation:GetResource and apprunner:DescribeService; without them AWS judges the service when the connection is created.",
            parent,
        );
        return [];
    }
    if (service.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible !== false) {
        pulumi.log.warn(
            `The App Runner service ${show(arn, secret)} is publicly accessible: a VPC ingress connection does not make it private. Set its ` +
                "`networkConfiguration.ingressConfiguration.isPubliclyAccessible` to false (the policy pack requires it).",
            parent,
        );
    }
    return [];
}

/**
 * The adopted connection, read through Cloud Control (`@pulumi/aws` 7 has no App Runner connection lookup): refused when
 * AWS does not have it, or when it joins another service, VPC or endpoint than the component's (only what is known is
 * compared); a warning when it cannot be read (Pulumi still refuses to replace an imported connection).
 */
async function checkAdoptedConnection(
    arn: string,
    args: PrivateEndpointArgs,
    endpoint: { id: pulumi.Input<string> | undefined; arg: "vpcEndpointId" | "adoptVpcEndpointId" },
    parent: pulumi.Resource,
): Promise<Problems> {
    let connection: AdoptedConnectionFacts;
    try {
        connection = JSON.parse(
            (await getResource({ typeName: "AWS::AppRunner::VpcIngressConnection", identifier: arn }, { parent })).properties,
        );
    } catch (e) {
        const reason = lookupReason(e);
        if (/couldn't find resource$/.test(reason)) {
            return [
                `\`adoptConnectionArn\` must be a VPC ingress connection that exists in the AWS provider's account and region, got: ${show(arn)}, ` +
                    "which Cloud Control could not find. Check the ARN, and the provider's region and account.",
            ];
        }
        pulumi.log.warn(
            `Could not check the adopted connection ${show(arn)} (Cloud Control: ${reason}). The check needs cloudformation:GetResource and ` +
                "apprunner:DescribeVpcIngressConnection; without them Pulumi still refuses to replace the imported connection.",
            parent,
        );
        return [];
    }
    const [service, vpc, through] = await Promise.all([args.serviceArn, args.vpcId, endpoint.id].map((v) => resolve(pulumi.output(v))));
    const known = (r: { known: boolean; value: unknown }) => (r.known && typeof r.value === "string" ? r.value : undefined);
    return validateAdoptedConnection(connection, {
        serviceArn: known(service),
        vpcId: known(vpc),
        endpointId: known(through),
        endpointArg: endpoint.arg,
        secret: service.secret || vpc.secret || through.secret,
    });
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
