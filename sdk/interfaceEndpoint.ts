import * as pulumi from "@pulumi/pulumi";
import { INTERFACE_ENDPOINT_TYPE, PRIVATE_ENDPOINT_TYPE } from "./aws";
import {
    Adoption,
    EndpointArgs,
    EndpointResources,
    checkEndpoint,
    checkRegion,
    checkVpcId,
    createEndpoint,
    gateOf,
    lookupsOf,
} from "./endpoint";
import { Checks, isPlain } from "./known";
import { childOptions } from "./options";
import {
    show,
    validateAdoptionChoice,
    validateNoImportOption,
    validateRequired,
    validateSecurityGroupChoice,
    validateTags,
} from "./validation";

/** The arguments of an InterfaceEndpoint: the shared endpoint arguments, and a migration. */
export interface InterfaceEndpointArgs extends EndpointArgs {
    // Required here, optional in EndpointArgs (a PrivateEndpoint can reuse an endpoint instead). Its description is
    // EndpointArgs's: TypeScript gives a redeclared member its base's comment, and tests/schema.ts does the same for
    // the schema, whose analyser reads only a member's own comment (DESIGN-NOTES.md).
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
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
        const lookups = lookupsOf(this);

        // Step 1. Validate: what is known now refuses the component before anything is registered; the rest, and the
        // lookups, gate every child.
        const checks = new Checks();
        const has = (k: keyof InterfaceEndpointArgs) => args[k] !== undefined;
        // The engine ignores `import` on a component; TypeScript hands the option to the constructor, so it is refused here.
        checks.add(validateNoImportOption("InterfaceEndpoint", (opts as pulumi.CustomResourceOptions | undefined)?.import));
        checks.add(
            validateSecurityGroupChoice({
                securityGroupIds: has("securityGroupIds"),
                allowedCidrBlocks: has("allowedCidrBlocks"),
                allowedSecurityGroupIds: has("allowedSecurityGroupIds"),
            }),
        );
        checks.add(
            validateAdoptionChoice({
                adoptVpcEndpointId: has("adoptVpcEndpointId"),
                adoptSecurityGroupId: has("adoptSecurityGroupId"),
                securityGroupIds: has("securityGroupIds"),
                subnetIds: has("subnetIds"),
                adoptFrom: has("adoptFrom"),
            }),
        );
        checkVpcId(checks, args.vpcId);
        let adoption: Adoption = {};
        if (args.subnetIds === undefined) checks.add(validateRequired("subnetIds", undefined));
        else adoption = checkEndpoint(checks, args, lookups, this, "InterfaceEndpoint");
        checks.input(args.tags, validateTags);
        checkRegion(checks, lookups);
        const adoptFrom = adoptedName(args.adoptFrom, checks);
        const gate = gateOf(checks, this);

        // Step 2. The endpoint and its security group, with the options they take from this component's; with `adoptFrom`,
        // under the names the PrivateEndpoint gave them; with `adoptVpcEndpointId` or `adoptSecurityGroupId`, imported.
        const aliases = (child: string): pulumi.Input<pulumi.Alias>[] =>
            adoptFrom === undefined
                ? []
                : [{ name: `${adoptFrom}-${child}`, parent: pulumi.createUrn(adoptFrom, PRIVATE_ENDPOINT_TYPE, opts?.parent) }];
        const given = childOptions("InterfaceEndpoint", opts);
        for (const w of given.warnings) pulumi.log.warn(w, this);
        const created = createEndpoint(
            name,
            args,
            lookups,
            gate,
            this,
            (child) => ({ ...given.of(child), aliases: aliases(child) }),
            adoption,
        );
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
        `\`adoptFrom\` must be the name of a PrivateEndpoint, known when the program runs, got: ` +
            `${isPlain(value) ? show(value) : "a value known only later"}. ` +
            'Pass the name as a plain string, e.g. "api".',
    ]);
    return undefined;
}
