// What the PrivateEndpoint tests share: the children's types and URNs, and the component's outputs once settled.
import { PrivateEndpoint } from "../sdk/index";
import { valueOf } from "./mocks";

export const COMPONENT_URN = (name: string) => `urn:pulumi:stack::project::apprunner-private:index:PrivateEndpoint::${name}`;
export const SG = "aws:ec2/securityGroup:SecurityGroup";
export const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
export const CONNECTION = "aws:cloudcontrol/resource:Resource";
/** What AWS has of a connection: its Cloud Control model (the resource's `properties`). */
export const modelOf = (r: { state?: Record<string, any> }) => JSON.parse(r.state!.properties);

/** Waits for every output of a component, so all its registrations have happened. */
export async function outputsOf(pe: PrivateEndpoint) {
    const [domainName, url, vpcEndpointId, vpcIngressConnectionArn, status, securityGroupId] = await Promise.all([
        valueOf(pe.domainName),
        valueOf(pe.url),
        valueOf(pe.vpcEndpointId),
        valueOf(pe.vpcIngressConnectionArn),
        valueOf(pe.status),
        valueOf(pe.securityGroupId),
    ]);
    return { domainName, url, vpcEndpointId, vpcIngressConnectionArn, status, securityGroupId };
}
