"""Two independent components: `shared` is refused for its subnets, `audit` is correct and must not be blamed."""
import pulumi
import apprunner_private

config = pulumi.Config()
vpc_id = config.require("vpcId")
apprunner_private.InterfaceEndpoint("shared", vpc_id=vpc_id, subnet_ids=config.require_object("sharedSubnetIds"))
audit = apprunner_private.PrivateEndpoint(
    "audit", service_arn=config.require("serviceArn"), vpc_id=vpc_id, subnet_ids=config.require_object("subnetIds")
)
pulumi.export("url", audit.url)
