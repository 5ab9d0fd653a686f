// Adoption: the ids of the existing endpoint and group a component takes over, their checks, and the children's options.
import { getNetworkInterfaces } from "@pulumi/aws/ec2/getNetworkInterfaces";
import * as pulumi from "@pulumi/pulumi";
import { IpAddressType, appRunnerEndpointServiceName } from "../aws";
import { Checks, Problems, isPlain, resolve, whenKnown } from "../known";

import { Lookups } from "../scope";
import { AdoptionArg, validateAdoptedEndpoint, validateAdoptedGroupUsers, validateAdoptionId, validateAdoptionKnown } from "../validation";
import { endpointById, lookUp } from "./lookups";

/**
 * What the component adopts: the `import` ids of its endpoint and security group, and the adopted group's name and
 * description once looked up (its name and description cannot change without replacing it). The lookup runs only
 * once every other check passed; the children wait for the gate, which opens after it.
 */
export interface Adoption {
    vpcEndpointId?: string;
    securityGroupId?: string;
    group?: Promise<{ name: string; description: string } | undefined>;
    /** The adopted endpoint's IP address type, when `ipAddressType` is not given: it stays, and the rules follow it. */
    ipAddressType?: Promise<IpAddressType>;
}

/**
 * An adoption argument, as the child's `import` id: a plain string of the right shape, else a problem and undefined.
 * Pulumi's `import` option takes an id, not an Output, so it must be known when the component is constructed.
 */
export function adoptionId(checks: Checks, arg: AdoptionArg, value: pulumi.Input<string> | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (!isPlain(value)) {
        checks.add(validateAdoptionKnown(arg));
        return undefined;
    }
    const problems = validateAdoptionId(arg, value);
    checks.add(problems);
    return problems.length === 0 ? (value as string) : undefined;
}

/**
 * The adopted group's other users: the network interfaces in it that are not the adopted endpoint's (DescribeNetworkInterfaces
 * by group). Refused unless `adoptSharedSecurityGroup` says the group is the component's to take over.
 */
export async function checkGroupUsers(
    groupId: string,
    endpointId: string | undefined,
    shared: pulumi.Input<boolean> | undefined,
    lookups: Lookups,
    parent: pulumi.Resource,
): Promise<Problems> {
    if (shared === true) return [];
    const [inGroup, endpoint] = await Promise.all([
        getNetworkInterfaces({ filters: [{ name: "group-id", values: [groupId] }] }, { parent }),
        endpointId ? endpointById(lookups, endpointId, parent).catch(() => undefined) : undefined,
    ]);
    // A group the adopted endpoint does not have is refused by the endpoint's own check.
    if (endpoint && !endpoint.securityGroupIds.includes(groupId)) return [];
    const own = new Set(endpoint?.networkInterfaceIds ?? []);
    const others = inGroup.ids.filter((id) => !own.has(id));
    return validateAdoptedGroupUsers(groupId, others, endpointId !== undefined);
}

/** The adopted endpoint, looked up: App Runner's Interface endpoint of the provider's region, in `vpcId`, with its group. */
export async function checkAdoptedEndpoint(
    id: string,
    groups: { adopted: string } | "given" | "created",
    vpcId: pulumi.Input<string>,
    lookups: Lookups,
    parent: pulumi.Resource,
    typeFound: (t: IpAddressType) => void,
): Promise<Problems> {
    const region = await resolve(lookups.region);
    const e = await lookUp("adoptVpcEndpointId", "an endpoint", id, region.value, parent, false, () => endpointById(lookups, id, parent));
    // Always settled: the subnet check and the group's rules wait for the type (IPv4 when the lookup failed: refused anyway).
    typeFound(typeof e === "string" ? IpAddressType.Ipv4 : (e.ipAddressType as IpAddressType));
    if (typeof e === "string") return [e];
    if (!region.known) return [];
    return whenKnown(vpcId, (v, secret) => {
        const facts = {
            id,
            vpcId: e.vpcId,
            serviceName: e.serviceName,
            vpcEndpointType: e.vpcEndpointType,
            securityGroupIds: e.securityGroupIds,
        };
        const { errors, warnings } = validateAdoptedEndpoint(facts, {
            vpcId: v,
            serviceName: appRunnerEndpointServiceName(region.value!),
            groups,
            secret,
        });
        for (const w of warnings) pulumi.log.warn(w, parent);
        return errors;
    });
}

/**
 * A child's options when it adopts an existing resource: Pulumi's `import` option with its id, and, unless the
 * component is given `tags`, its tags ignored, so that they stay as they are (the program's would remove them).
 */
export function adopt(
    options: pulumi.CustomResourceOptions,
    id: string | undefined,
    args: { tags?: unknown },
): pulumi.CustomResourceOptions {
    if (id === undefined) return options;
    return { ...options, import: id, ignoreChanges: [...(options.ignoreChanges ?? []), ...(args.tags === undefined ? ["tags"] : [])] };
}
