// What components share within one program and within one deployment.
import type { GetVpcEndpointResult } from "@pulumi/aws/ec2/getVpcEndpoint";
import * as pulumi from "@pulumi/pulumi";

/** Lookups made once per AWS provider per program (one resource monitor), however many components ask. */
export interface Lookups {
    readonly region: pulumi.Output<string>;
    /** The deploying account, asked only by components that create an endpoint. */
    readonly accountId: pulumi.Output<string>;
    /** Endpoints given by id (`vpcEndpointId`), each looked up once however many services share it. */
    endpoints?: Map<string, Promise<GetVpcEndpointResult>>;
    /** The zones each endpoint service is offered in, by its name, looked up once. */
    services?: Map<string, Promise<{ name: string; zones: string[] } | undefined>>;
}
const lookups = new WeakMap<object, Map<pulumi.ProviderResource | undefined, Lookups>>();
const processKey = {};

export function lookupsFor(provider: pulumi.ProviderResource | undefined, make: () => Lookups): Lookups {
    const key: object = pulumi.runtime.getMonitor() ?? processKey;
    let byProvider = lookups.get(key);
    if (!byProvider) lookups.set(key, (byProvider = new Map()));
    let found = byProvider.get(provider);
    if (!found) byProvider.set(provider, (found = make()));
    return found;
}

/**
 * Which component connects which service, per deployment: AWS allows one VPC ingress connection per service. A
 * program in TypeScript is one deployment per resource monitor; the component provider serves every other
 * language's components one `Construct` (and one monitor) at a time, so it names the deployment itself
 * (`useDeployment`), and the map is shared across its Constructs.
 */
const claims = new Map<unknown, Map<string, string>>();
const monitorClaims = new WeakMap<object, Map<string, string>>();
let deployment: string | undefined;

/** Used by the component provider: the deployment every following component belongs to. */
export function useDeployment(key: string | undefined): void {
    deployment = key;
}

export function connectedServices(): Map<string, string> {
    if (deployment !== undefined) {
        let found = claims.get(deployment);
        if (!found) claims.set(deployment, (found = new Map()));
        return found;
    }
    const key: object = pulumi.runtime.getMonitor() ?? processKey;
    let found = monitorClaims.get(key);
    if (!found) monitorClaims.set(key, (found = new Map()));
    return found;
}
