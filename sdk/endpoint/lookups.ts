// What the endpoint's checks look up: the provider's region and account, an endpoint by id, a service's zones; once each
// per provider, and a failed lookup as the message that names the argument.
import { GetVpcEndpointResult, getVpcEndpoint } from "@pulumi/aws/ec2/getVpcEndpoint";
import { getVpcEndpointService } from "@pulumi/aws/ec2/getVpcEndpointService";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import * as pulumi from "@pulumi/pulumi";
import { appRunnerEndpointServiceName } from "../aws";
import { lookupReason } from "../errors";

import { Lookups, lookupsFor } from "../scope";
import { bare, show } from "../validation";

/**
 * The provider's region, and the deploying account: once per provider per program, and each only when first asked,
 * which is after the arguments of the component that asks have passed (a refused component invokes nothing).
 */
export function lookupsOf(component: pulumi.ComponentResource): Lookups {
    const provider = component.getProvider("aws:index/getRegion:getRegion");
    return lookupsFor(provider, () => {
        let region: pulumi.Output<string> | undefined;
        let accountId: pulumi.Output<string> | undefined;
        return {
            get region() {
                return (region ??= getRegionOutput({}, { parent: component }).region);
            },
            get accountId() {
                return (accountId ??= getCallerIdentityOutput({}, { parent: component }).accountId);
            },
        };
    });
}

/** An endpoint looked up by id, once per provider however many components and checks ask. */
export function endpointById(lookups: Lookups, id: string, parent: pulumi.Resource): Promise<GetVpcEndpointResult> {
    const cache: Map<string, Promise<GetVpcEndpointResult>> = (lookups.endpoints ??= new Map());
    if (!cache.has(id)) cache.set(id, getVpcEndpoint({ id }, { parent }));
    return cache.get(id)!;
}

/**
 * The zones App Runner's endpoint service is offered in (ec2.getVpcEndpointService), once per provider; undefined when
 * it cannot be asked (a warning says so, and AWS judges the zones when the endpoint is created).
 */
export async function serviceZones(
    region: string,
    lookups: Lookups,
    parent: pulumi.Resource,
): Promise<{ name: string; zones: string[] } | undefined> {
    const name = appRunnerEndpointServiceName(region);
    const cache = (lookups.services ??= new Map());
    if (!cache.has(name)) {
        cache.set(
            name,
            getVpcEndpointService({ serviceName: name }, { parent }).then(
                (s) => ({ name, zones: s.availabilityZones }),
                (e) => {
                    pulumi.log.warn(
                        `Could not read the Availability Zones ${name} is offered in (${lookupReason(e)}); the check needs ` +
                            "ec2:DescribeVpcEndpointServices, and without it AWS judges the subnets' zones when the endpoint is created.",
                        parent,
                    );
                    return undefined;
                },
            ),
        );
    }
    return cache.get(name);
}

/** A lookup, or the message that says which argument (`arg`, e.g. "subnetIds[1]") names what the provider cannot see. */
export async function lookUp<T>(
    arg: string,
    what: string,
    id: string,
    region: string | undefined,
    parent: pulumi.Resource,
    secret: boolean,
    look: () => Promise<T>,
): Promise<T | string> {
    try {
        return await look();
    } catch (e) {
        return (
            `\`${arg}\` must be ${what} the AWS provider can see in ${region ?? "the provider's region"}, got: ${show(id, secret)} ` +
            `(lookup failed: ${bare(lookupReason(e))}). Check the id and the provider's region and account.`
        );
    }
}
