"""An AWS Copilot environment's private services, adopted: the environment's App Runner endpoint and its security group
become one InterfaceEndpoint, and each private Request-Driven Web Service's connection a PrivateEndpoint connected
through it. Nothing is created or replaced; the endpoint's security group is narrowed from all traffic to HTTPS (TCP 443)
from the environment's security group, with no egress (README.md, "Moving from AWS Copilot")."""
import pulumi
import apprunner_private

config = pulumi.Config()
vpc_id = config.require("vpcId")

environment = apprunner_private.InterfaceEndpoint(
    "environment",
    vpc_id=vpc_id,
    subnet_ids=config.require_object("subnetIds"),
    adopt_vpc_endpoint_id=config.require("endpointId"),
    adopt_security_group_id=config.require("endpointSecurityGroupId"),
    allowed_security_group_ids=[config.require("environmentSecurityGroupId")],
)

for name, service in config.require_object("services").items():
    private = apprunner_private.PrivateEndpoint(
        name,
        service_arn=service["serviceArn"],
        vpc_id=vpc_id,
        vpc_endpoint_id=environment.vpc_endpoint_id,
        adopt_connection_arn=service["connectionArn"],
    )
    pulumi.export(f"{name}Url", private.url)

pulumi.export("vpcEndpointId", environment.vpc_endpoint_id)
