"""Reads the AWS credentials boto3's default chain finds (environment, ~/.aws/credentials, ~/.aws/config, the instance
metadata service), in an apply, and exports which access key it found."""
import boto3
import pulumi


def found(_):
    credentials = boto3.Session().get_credentials()
    return "none" if credentials is None else f"found {credentials.access_key}"


pulumi.export("credentials", pulumi.Output.from_input(1).apply(found))
