// The checks a PrivateEndpoint makes of its service and its connection: the name, the ARN, that the service exists and
// is private, and an adopted connection as Cloud Control reads it.
import { getResource } from "@pulumi/aws/cloudcontrol/getResource";
import * as pulumi from "@pulumi/pulumi";
import { parseConnectionArn, parseServiceArn } from "./aws";
import { CONNECTION_TYPE_NAME, ConnectionModel } from "./connection";
import { Problems, isPlain, resolve, whenKnown } from "./known";
import { lookupReason } from "./errors";
import {
    AdoptedConnectionFacts,
    show,
    validateAdoptedConnection,
    validateConnectionName,
    validateConnectionNameNotSecret,
    validateAppRunnerSubscription,
    validateRequired,
    validateServiceArn,
} from "./validation";

/**
 * `connectionName`: a valid name, and not a secret. Whether an Output is secret is known before its value (in a
 * preview, even while the value is unknown), so a secret name is refused then, before any child is registered.
 */
export function connectionNameProblems(value: pulumi.Input<string>): Problems | Promise<Problems> {
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
export async function checkServiceExists(arn: string, secret: boolean, parent: pulumi.Resource): Promise<Problems> {
    if (serviceArnProblems(arn, secret).length > 0) return [];
    let service: { NetworkConfiguration?: { IngressConfiguration?: { IsPubliclyAccessible?: boolean } } };
    try {
        service = JSON.parse((await getResource({ typeName: "AWS::AppRunner::Service", identifier: arn }, { parent })).properties);
    } catch (e) {
        const reason = lookupReason(e);
        const unsubscribed = validateAppRunnerSubscription(reason, parseServiceArn(arn)?.region);
        if (unsubscribed.length > 0) return unsubscribed;
        if (/couldn't find resource$/.test(reason)) {
            return [
                `\`serviceArn\` must be an App Runner service that exists in the AWS provider's account and ` +
                    `region, got: ${show(arn, secret)}, ` +
                    "which Cloud Control could not find. Check the ARN, or create the service first (pass `service.arn`).",
            ];
        }
        pulumi.log.warn(
            `Could not check that the App Runner service ${show(arn, secret)} exists (Cloud Control: ${reason}). The check needs ` +
                "cloudformation:GetResource and apprunner:DescribeService; without them AWS judges the " +
                "service when the connection is created.",
            parent,
        );
        return [];
    }
    if (service.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible !== false) {
        pulumi.log.warn(
            `The App Runner service ${show(arn, secret)} is publicly accessible: a VPC ingress ` +
                `connection does not make it private. Set its ` +
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
export async function checkAdoptedConnection(
    arn: string,
    args: { serviceArn: pulumi.Input<string>; vpcId: pulumi.Input<string> },
    endpoint: { id: pulumi.Input<string> | undefined; arg: "vpcEndpointId" | "adoptVpcEndpointId" },
    parent: pulumi.Resource,
    found: (model: ConnectionModel | undefined) => void,
): Promise<Problems> {
    let connection: AdoptedConnectionFacts & ConnectionModel;
    try {
        connection = JSON.parse((await getResource({ typeName: CONNECTION_TYPE_NAME, identifier: arn }, { parent })).properties);
        found(connection);
    } catch (e) {
        found(undefined);
        const reason = lookupReason(e);
        const unsubscribed = validateAppRunnerSubscription(reason, parseConnectionArn(arn)?.region);
        if (unsubscribed.length > 0) return unsubscribed;
        if (/couldn't find resource$/.test(reason)) {
            return [
                `\`adoptConnectionArn\` must be a VPC ingress connection that exists in the AWS provider's ` +
                    `account and region, got: ${show(arn)}, ` +
                    "which Cloud Control could not find. Check the ARN, and the provider's region and account.",
            ];
        }
        pulumi.log.warn(
            `Could not check the adopted connection ${show(arn)} (Cloud Control: ${reason}). The check ` +
                `needs cloudformation:GetResource and ` +
                "apprunner:DescribeVpcIngressConnection; without them the adoption goes on, and AWS judges " +
                "the connection when it is imported.",
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
export function serviceArnProblems(value: unknown, secret: boolean): Problems {
    if (pulumi.Resource.isInstance(value)) {
        const type = (value as { __pulumiType?: string }).__pulumiType;
        const what = type === "aws:apprunner/service:Service" ? "an App Runner Service resource" : `a ${type ?? "Pulumi"} resource`;
        return [`\`serviceArn\` must be an App Runner service ARN, got: ${what}. Pass \`service.arn\`.`];
    }
    return [...validateRequired("serviceArn", value, secret), ...(value ? validateServiceArn(value, secret) : [])];
}
