// AWS Cloud Control API's GetResource, for the two App Runner types: it reads a resource through its CloudFormation
// handler and answers the CloudFormation model as a JSON string (Cloud Control API reference; the schemas
// aws-apprunner-service.json and aws-apprunner-vpcingressconnection.json, whose write-only properties, Tags and
// AutoScalingConfigurationArn, a read leaves out). A missing resource is the handler's NotFound, wrapped as Cloud Control
// wraps every handler failure (format from aws-cloudformation/cloudformation-coverage-roadmap#2090; the inner text is
// the CloudFormation Java plugin's NOT_FOUND message, unverified in this combination).
import { Account } from "./account";
import { apprunner } from "./apprunner";
import { AwsError, fail, isAwsError } from "./errors";
import { hex } from "./ids";

type Params = Record<string, any>;

function read(account: Account, region: string, typeName: string, identifier: string): Record<string, unknown> {
    if (typeName === "AWS::AppRunner::Service") {
        const { Service: s } = apprunner.DescribeService(account, region, { ServiceArn: identifier });
        if (s.Status === "DELETED")
            throw new AwsError("NotFound", `Resource of type '${typeName}' with identifier '${identifier}' was not found.`);
        const { AutoScalingConfigurationSummary: _a, CreatedAt: _c, UpdatedAt: _u, DeletedAt: _d, ...properties } = s;
        return properties;
    }
    const { VpcIngressConnection: c } = apprunner.DescribeVpcIngressConnection(account, region, { VpcIngressConnectionArn: identifier });
    if (c.Status === "DELETED")
        throw new AwsError("NotFound", `Resource of type '${typeName}' with identifier '${identifier}' was not found.`);
    const { AccountId: _a, CreatedAt: _c, DeletedAt: _d, ...properties } = c;
    return properties;
}

export const cloudcontrol: Record<string, (account: Account, region: string, params: Params) => Record<string, any>> = {
    GetResource(account, region, p) {
        const typeName: string = p.TypeName;
        if (!["AWS::AppRunner::Service", "AWS::AppRunner::VpcIngressConnection"].includes(typeName)) {
            fail("TypeNotFoundException", `The type '${typeName}' cannot be found (this model reads the App Runner types only).`);
        }
        let properties;
        try {
            properties = read(account, region, typeName, p.Identifier);
        } catch (e) {
            if (!isAwsError(e) || !["NotFound", "ResourceNotFoundException"].includes(e.code)) throw e;
            const token = `${hex(`${p.Identifier}/token`, 8)}-${hex(`${p.Identifier}/t2`, 4)}-4${hex(`${p.Identifier}/t3`, 3)}-8${hex(`${p.Identifier}/t4`, 3)}-${hex(`${p.Identifier}/t5`, 12)}`;
            fail(
                "ResourceNotFoundException",
                `${typeName} Handler returned status FAILED: ${e.message} (HandlerErrorCode: NotFound, RequestToken: ${token})`,
            );
        }
        return { TypeName: typeName, ResourceDescription: { Identifier: p.Identifier, Properties: JSON.stringify(properties) } };
    },
};
