"""A PrivateEndpoint in eu-west-1 through an explicit provider, while the stack's default region is us-east-1."""
import pulumi
import pulumi_aws as aws
import apprunner_private

config = pulumi.Config()
eu = aws.Provider("eu", region="eu-west-1")
endpoint = apprunner_private.PrivateEndpoint(
    "eu",
    service_arn=config.require("serviceArn"),
    vpc_id=config.require("vpcId"),
    subnet_ids=config.require_object("subnetIds"),
    opts=pulumi.ResourceOptions(providers={"aws": eu}),
)
pulumi.export("url", endpoint.url)
