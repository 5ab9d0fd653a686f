// A planned VPC ingress connection, in either form a program registers: the AWS provider's
// aws.apprunner.VpcIngressConnection (a program of its own, or a stack of an earlier release), or the
// aws.cloudcontrol.Resource of type AWS::AppRunner::VpcIngressConnection that PrivateEndpoint registers, whose desired
// state and AWS's answer (`properties`) are JSON text.
import { PlannedResource, UNKNOWN } from "./events";

export const TERRAFORM_CONNECTION = "aws:apprunner/vpcIngressConnection:VpcIngressConnection";
export const CLOUD_CONTROL = "aws:cloudcontrol/resource:Resource";
export const CONNECTION_TYPE_NAME = "AWS::AppRunner::VpcIngressConnection";

export interface ConnectionView {
    /** The name the program gives, if any. */
    name?: string;
    serviceArn?: string;
    vpcEndpointId?: string;
    domainName?: string;
}

/** JSON text parsed; anything else (a secret, an unknown, no text) as undefined. */
function parsed(text: unknown): Record<string, any> | undefined {
    if (typeof text !== "string" || text === UNKNOWN) return undefined;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** The connection this resource is, or undefined when it is none. */
export function connectionOf(r: Pick<PlannedResource, "type" | "inputs" | "outputs">): ConnectionView | undefined {
    if (r.type === TERRAFORM_CONNECTION) {
        return {
            name: r.inputs.name,
            serviceArn: r.inputs.serviceArn,
            vpcEndpointId: r.inputs.ingressVpcConfiguration?.vpcEndpointId,
            domainName: r.outputs?.domainName,
        };
    }
    if (r.type !== CLOUD_CONTROL || r.inputs.typeName !== CONNECTION_TYPE_NAME) return undefined;
    const desired = parsed(r.inputs.desiredState);
    const model = parsed(r.outputs?.properties);
    return {
        name: desired?.VpcIngressConnectionName,
        serviceArn: desired?.ServiceArn ?? (r.inputs.desiredState === undefined ? undefined : UNKNOWN),
        vpcEndpointId: desired?.IngressVpcConfiguration?.VpcEndpointId ?? (desired ? undefined : UNKNOWN),
        domainName: model?.DomainName,
    };
}
