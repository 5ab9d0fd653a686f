// The AWS SDK's modules are imported one by one, not through `@pulumi/aws`'s index: loading the index costs
// ~100 ms, which the component provider would pay on every start (see `npm run bench:provider`).
import { Resource } from "@pulumi/aws/cloudcontrol/resource";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import * as pulumi from "@pulumi/pulumi";
import { PRIVATE_ENDPOINT_TYPE } from "./aws";
import {
    CONNECTION_SCHEMA,
    CONNECTION_TYPE_NAME,
    ConnectionLifecycle,
    ConnectionModel,
    connectionDesiredState,
    connectionProblem,
} from "./connection";
import {
    Adoption,
    EndpointArgs,
    adoptionId,
    checkEndpoint,
    checkGivenEndpoint,
    checkRegion,
    checkVpcId,
    createEndpoint,
    gateOf,
    lookupsOf,
} from "./endpoint";
import { Checks, resolve, whenKnown } from "./known";
import { childOptions } from "./options";
import { Lookups, connectedServices } from "./scope";
import {
    validateAdoptedConnectionName,
    validateAdoptionChoice,
    validateConnectionRegion,
    validateEc2Id,
    validateEndpointChoice,
    validateNoImportOption,
    validateServiceNotConnected,
    validateServiceRegion,
    validateTags,
} from "./validation";

export { vpcCidrBlocks } from "./endpoint";
import { checkAdoptedConnection, checkServiceExists, connectionNameProblems, serviceArnProblems } from "./connectionChecks";

/** The arguments of a PrivateEndpoint: the service, the shared endpoint arguments, or an endpoint to reuse. */
export interface PrivateEndpointArgs extends EndpointArgs {
    /**
     * The ARN of the App Runner service to make private, e.g. `service.arn`. The service must be in the region
     * of the AWS provider, must not be connected by another PrivateEndpoint, and must set
     * `networkConfiguration.ingressConfiguration.isPubliclyAccessible` to false, as AWS's procedure for a private
     * service does (the policy pack checks it). A change replaces the connection (announced in the preview). Required.
     */
    serviceArn: pulumi.Input<string>;
    /**
     * The id of an existing `com.amazonaws.<region>.apprunner.requests` interface endpoint in `vpcId` to connect
     * the service through, e.g. an InterfaceEndpoint's `vpcEndpointId`; one endpoint can serve many services. Changing it
     * (or `vpcId`) moves the connection in place: its ARN stays, and private ingress is not interrupted.
     * Exactly one of `subnetIds` and `vpcEndpointId` must be given. Default: none; without it, `subnetIds` must be
     * given and a new endpoint is created.
     */
    vpcEndpointId?: pulumi.Input<string>;
    /**
     * The name of the VPC ingress connection: 4 to 40 characters, letters, digits, hyphens and underscores,
     * starting with a letter or digit, unique among the account's connections in the region. A change replaces the
     * connection (deleted first: private ingress is down until the new one is AVAILABLE), announced by a warning in the
     * preview. Default: a name AWS gives the connection when it creates it (CloudFormation's handler, through Cloud
     * Control), kept for its life, so renaming the component (with aliases) or the stack keeps it. Must not be a secret:
     * the name is part of the connection's ARN, which the stack's state keeps in clear text. With `adoptConnectionArn`,
     * the adopted connection's name is kept, and any other name is refused.
     */
    connectionName?: pulumi.Input<string>;
    /**
     * Adoption: the ARN of an existing VPC ingress connection of `serviceArn` (made in the console, by AWS Copilot, ...)
     * for the component to manage instead of creating one. It must join `serviceArn` to `vpcId` through the endpoint the
     * component uses (`vpcEndpointId`, or `adoptVpcEndpointId` with `subnetIds`): it is adopted as it is, and moved later
     * in place. Pulumi's `import` option cannot bring a Cloud Control resource in, so in the component's first deployment
     * the connection is reported as AWS has it and left alone; `apprunner-private import-connections` then adds it to the
     * stack, its name and domain name kept (README, "Adopting existing resources"). A plain string known when the program
     * runs; keep it in the program afterwards. Default: none; a new connection is created.
     */
    adoptConnectionArn?: pulumi.Input<string>;
}

interface Children {
    vpcEndpoint?: VpcEndpoint;
    securityGroup?: SecurityGroup;
    vpcIngressConnection?: Resource;
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
    /**
     * The id of the interface endpoint the service is reached through, created here or the given `vpcEndpointId`; pass it
     * to other PrivateEndpoints to share the endpoint.
     */
    public readonly vpcEndpointId: pulumi.Output<string>;
    /** The ARN of the VPC ingress connection; it contains the connection's name. */
    public readonly vpcIngressConnectionArn: pulumi.Output<string>;
    /** The status of the VPC ingress connection, e.g. AVAILABLE. */
    public readonly status: pulumi.Output<string>;
    /** The id of the security group created for the endpoint; undefined when `securityGroupIds` or `vpcEndpointId` is given. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;

    /**
     * The VPC ingress connection, an `aws.cloudcontrol.Resource` of type AWS::AppRunner::VpcIngressConnection (TypeScript
     * only); undefined for a connection adopted with `adoptConnectionArn` until it is imported into the stack.
     */
    public get vpcIngressConnection(): Resource | undefined {
        return children.get(this)?.vpcIngressConnection;
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
        args = args ?? {};
        const lifecycle = new ConnectionLifecycle(name, opts?.replaceOnChanges, args.adoptConnectionArn);
        // The arguments are the component's inputs in the stack's state: the next update compares them (ConnectionLifecycle).
        super(PRIVATE_ENDPOINT_TYPE, name, args, lifecycle.componentOptions(opts));
        lifecycle.announce(this);
        const lookups = lookupsOf(this);
        const { gate, adoption, connectionArn, adopted } = this.validate(name, args, lookups, opts);
        const given = childOptions("PrivateEndpoint", opts);
        for (const w of given.warnings) pulumi.log.warn(w, this);
        // Step 2. A new endpoint (with `subnetIds`): the same resources an InterfaceEndpoint creates, named from this
        // component and parented to it, as since 0.1.0; imported instead with the adoption arguments.
        const endpoint = args.subnetIds !== undefined ? createEndpoint(name, args, lookups, gate, this, given.of, adoption) : undefined;
        // Outputs not taken from a child pass the gate too, so they fail when the component does.
        const gated = <T>(value: pulumi.Input<T>) => pulumi.all([value, gate]).apply(([v]) => v);
        this.vpcEndpointId = endpoint ? endpoint.vpcEndpoint.id : gated(args.vpcEndpointId!);
        children.set(this, { ...endpoint });
        const connection = this.connect(name, args, endpoint?.vpcEndpoint.id ?? args.vpcEndpointId!, gate, given.of("connection"), {
            lifecycle,
            connectionArn,
            adopted,
        });

        this.domainName = connection.apply((c) => c.DomainName!);
        this.url = pulumi.interpolate`https://${this.domainName}`;
        this.vpcIngressConnectionArn = connection.apply((c) => c.VpcIngressConnectionArn!);
        this.status = connection.apply((c) => c.Status!);
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
        let asked: ReturnType<typeof resolve<string>> | undefined;
        const region = () => (asked ??= resolve(lookups.region));
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
        if (args.subnetIds !== undefined) adoption = checkEndpoint(checks, args, lookups, this, "PrivateEndpoint");
        checks.input(args.vpcEndpointId, (v, secret) => validateEc2Id("vpcEndpointId", "vpcEndpoint", v, secret));
        if (args.connectionName !== undefined) checks.add(connectionNameProblems(args.connectionName));
        checks.input(args.tags, validateTags);
        if (knownArn !== undefined) checks.add(validateServiceNotConnected(knownArn, claims.get(knownArn)));

        // Known later: the service not connected twice, the subnets; then, once every argument passed, the provider's
        // region and the ARN against it.
        if (knownArn === undefined) {
            checks.add(
                whenKnown(args.serviceArn, (arn, secret) => {
                    if (serviceArnProblems(arn, secret).length > 0) return [];
                    const problems = validateServiceNotConnected(arn, claims.get(arn), secret);
                    if (!claims.has(arn)) claims.set(arn, name);
                    return problems;
                }),
            );
        }
        checkRegion(checks, lookups);
        checks.againstRegion(() =>
            whenKnown(args.serviceArn, async (arn, secret) => {
                if (serviceArnProblems(arn, secret).length > 0) return [];
                const r = await region();
                return r.known ? validateServiceRegion(arn, r.value!, secret) : [];
            }),
        );
        // Asked of AWS once every argument passed: the service exists (Cloud Control reads it, so a connection is never
        // tried, nor an endpoint billed, for an ARN AWS does not have).
        checks.lookup(() => whenKnown(args.serviceArn, (arn, secret) => checkServiceExists(arn, secret, this)));
        // The endpoint it is given is one App Runner accepts: a move to a bad one is refused before anything changes.
        if (args.vpcEndpointId !== undefined) {
            checks.lookup(() => whenKnown(args.vpcEndpointId, (id, secret) => checkGivenEndpoint(id, secret, args.vpcId, lookups, this)));
        }

        // An adopted connection: its name is the one in its ARN; it is in the provider's region, and joins this service to
        // this VPC through this endpoint (Cloud Control reads it): it is adopted as it is.
        const connectionArn = adoptionId(checks, "adoptConnectionArn", args.adoptConnectionArn);
        let adopted: Promise<ConnectionModel | undefined> | undefined;
        if (connectionArn !== undefined) {
            checks.input(args.connectionName, (v) => validateAdoptedConnectionName(v, connectionArn));
            checks.againstRegion(() => region().then((r) => (r.known ? validateConnectionRegion(connectionArn, r.value!) : [])));
            const endpoint =
                args.subnetIds !== undefined
                    ? { id: adoption.vpcEndpointId, arg: "adoptVpcEndpointId" as const }
                    : { id: args.vpcEndpointId, arg: "vpcEndpointId" as const };
            let found!: (m: ConnectionModel | undefined) => void;
            adopted = new Promise((r) => (found = r));
            checks.lookup(() => checkAdoptedConnection(connectionArn, args, endpoint, this, found));
        }
        const gate = gateOf(checks, this);
        if (knownArn !== undefined) claims.set(knownArn, name);
        return { gate, adoption, connectionArn, adopted };
    }

    /**
     * Step 3. The VPC ingress connection: the service, through the endpoint, in the VPC, as a Cloud Control resource
     * (./connection.ts), named by AWS unless `connectionName` is given; what AWS has of it once its step is done, checked
     * to be what the program says (AWS may not have made the last change Pulumi recorded).
     */
    private connect(
        name: string,
        args: PrivateEndpointArgs,
        endpointId: pulumi.Input<string>,
        gate: pulumi.Output<never[]>,
        options: pulumi.CustomResourceOptions,
        c: { lifecycle: ConnectionLifecycle; connectionArn?: string; adopted?: Promise<ConnectionModel | undefined> },
    ): pulumi.Output<ConnectionModel> {
        const desiredState = pulumi
            .all([args.serviceArn, args.connectionName, args.vpcId, endpointId])
            .apply(([serviceArn, connectionName, vpcId, vpcEndpointId]) =>
                connectionDesiredState({ serviceArn, name: connectionName, vpcId, vpcEndpointId }),
            );
        const register = () => {
            const resource = new Resource(
                `${name}-connection`,
                { typeName: CONNECTION_TYPE_NAME, desiredState, schema: CONNECTION_SCHEMA },
                // A service can have only one connection, so a replacement must delete the old one first.
                { ...options, parent: this, dependsOn: gate, deleteBeforeReplace: true, hooks: c.lifecycle.connectionHooks() },
            );
            children.set(this, { ...children.get(this), vpcIngressConnection: resource });
            // Compared apart from the outputs, so that a secret VPC or endpoint id does not make the domain name secret.
            const wanted = resolve(pulumi.all([args.vpcId, endpointId]));
            return pulumi.all([resource.id, resource.properties]).apply(async ([arn, properties]) => {
                // Mocks that echo the inputs back give no `properties`: nothing to check, nothing to report.
                if (typeof properties !== "string") return { VpcIngressConnectionArn: arn } as ConnectionModel;
                const w = await wanted;
                const problem = w.known
                    ? connectionProblem(arn, properties, { vpcId: w.value![0], vpcEndpointId: w.value![1] })
                    : undefined;
                if (problem) throw new pulumi.ResourceError(problem, this, true);
                return JSON.parse(properties) as ConnectionModel;
            });
        };
        if (c.connectionArn === undefined) return register();
        // Adopting. Pulumi's `import` cannot bring a Cloud Control resource in (the AWS provider has no importer for it), so
        // in the component's first deployment the connection is not registered: `apprunner-private import-connections` adds
        // it to the stack, and the next update registers it, unchanged. Until then the outputs are AWS's (the adoption's
        // lookup). The component's hooks say whether this is its first deployment (it is new, or no earlier one recorded
        // its outputs) by the time its URN is known; without hooks (under mocks, where nothing is kept between runs)
        // every run is a first deployment.
        const arn = c.connectionArn;
        const notYet = () => {
            pulumi.log.warn(
                `The VPC ingress connection ${arn} is adopted, and stays as it is, but this stack does not manage it yet: Pulumi's ` +
                    "`import` cannot bring a Cloud Control resource in. Run `apprunner-private import-connections` (the " +
                    '@apprunner-private/plan package) for this stack, then `pulumi up` (README, "Adopting existing resources").',
                this,
            );
            return pulumi.all([gate, c.adopted!]).apply(([, model]) => ({ VpcIngressConnectionArn: arn, ...model }));
        };
        if (!c.lifecycle.hooked) return notYet();
        return this.urn.apply((): pulumi.Output<ConnectionModel> => (c.lifecycle.firstDeployment ? notYet() : register()));
    }
}
