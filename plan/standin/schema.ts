// The part of `@pulumi/aws` 7's Pulumi schema that YAML programs here use: Pulumi YAML type-checks a program against
// the schema the provider serves. Tokens and property names are @pulumi/aws's (its SDK's types under apprunner/).
const str = { type: "string" };
const bool = { type: "boolean" };
const tags = { type: "object", additionalProperties: str };
const ref = (name: string) => ({ $ref: `#/types/aws:apprunner/${name}:${name}` });
const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

export function standInSchema(version: string): string {
    const serviceInputs = {
        serviceName: str,
        sourceConfiguration: ref("ServiceSourceConfiguration"),
        networkConfiguration: ref("ServiceNetworkConfiguration"),
        tags,
    };
    return JSON.stringify({
        name: "aws",
        version,
        description: "A stand-in for the AWS provider: the types this repository's programs use.",
        meta: { moduleFormat: "(.*)(?:/[^/]*)" },
        config: { variables: { region: str } },
        provider: { inputProperties: { region: str }, properties: { region: str } },
        resources: {
            "aws:apprunner/service:Service": {
                properties: { ...serviceInputs, arn: str, serviceId: str, serviceUrl: str, status: str, region: str },
                required: ["arn", "serviceId", "serviceName", "sourceConfiguration", "networkConfiguration", "status", "region"],
                inputProperties: serviceInputs,
                requiredInputs: ["sourceConfiguration"],
            },
        },
        types: {
            "aws:apprunner/ServiceSourceConfiguration:ServiceSourceConfiguration": object({
                autoDeploymentsEnabled: bool,
                imageRepository: ref("ServiceSourceConfigurationImageRepository"),
            }),
            "aws:apprunner/ServiceSourceConfigurationImageRepository:ServiceSourceConfigurationImageRepository": object(
                {
                    imageIdentifier: str,
                    imageRepositoryType: str,
                    imageConfiguration: ref("ServiceSourceConfigurationImageRepositoryImageConfiguration"),
                },
                ["imageIdentifier", "imageRepositoryType"],
            ),
            "aws:apprunner/ServiceSourceConfigurationImageRepositoryImageConfiguration:ServiceSourceConfigurationImageRepositoryImageConfiguration":
                object({ port: str }),
            "aws:apprunner/ServiceNetworkConfiguration:ServiceNetworkConfiguration": object({
                ingressConfiguration: ref("ServiceNetworkConfigurationIngressConfiguration"),
            }),
            "aws:apprunner/ServiceNetworkConfigurationIngressConfiguration:ServiceNetworkConfigurationIngressConfiguration": object({
                isPubliclyAccessible: bool,
            }),
        },
    });
}
