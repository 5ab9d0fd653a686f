// CloudFormation's registry, as Cloud Control's clients read a type's schema from it.
import { fail } from "./errors";
import { REGISTRY } from "./registry";
import { CloudControlHandler } from "./cloudcontrol";

/**
 * CloudFormation's DescribeType for a public resource type of the registry (CloudFormation API reference, DescribeType):
 * the default version's schema as a JSON string. A type the registry does not hold is TypeNotFoundException (404).
 */
export const DescribeType: CloudControlHandler = (_account, region, p) => {
    if (p.Type !== undefined && p.Type !== "RESOURCE") fail("ValidationError", `Type ${p.Type} is not served by this model.`);
    const schema = REGISTRY[p.TypeName];
    if (!schema) fail("TypeNotFoundException", `The type '${p.TypeName}' cannot be found.`, 404);
    return {
        Arn: `arn:aws:cloudformation:${region}::type/resource/${p.TypeName.replaceAll("::", "-")}`,
        Type: "RESOURCE",
        TypeName: p.TypeName,
        IsDefaultVersion: true,
        Description: schema.description,
        Schema: JSON.stringify(schema),
        ProvisioningType: "FULLY_MUTABLE",
        DeprecatedStatus: "LIVE",
        Visibility: "PUBLIC",
        SourceUrl: schema.sourceUrl,
        IsActivated: true,
    };
};

export const cloudformation: Record<string, CloudControlHandler> = { DescribeType };
