"""Administers a moto server for the import tests with boto3 (installed with moto), a client independent
of the emulator's own S3 code.

    moto-admin.py setup ENDPOINT          -> prints {"reader": [ak, sk], "nobody": [ak, sk]} and turns auth on
    moto-admin.py put ENDPOINT AK SK BUCKET KEY FILE [KEY FILE ...]   (creates BUCKET when missing)
    moto-admin.py list ENDPOINT AK SK BUCKET [PREFIX]   -> prints the keys under PREFIX as a JSON array
    moto-admin.py get ENDPOINT AK SK BUCKET KEY          -> writes the object's bytes to stdout
"""
import json
import sys
import urllib.request

import boto3


def client(service, endpoint, ak="testing", sk="testing"):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=ak, aws_secret_access_key=sk)


def setup(endpoint):
    iam = client("iam", endpoint)
    keys = {}
    for name, policy in (("reader", {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}), ("nobody", None)):
        iam.create_user(UserName=name)
        if policy:
            document = json.dumps({"Version": "2012-10-17", "Statement": [policy]})
            iam.put_user_policy(UserName=name, PolicyName="s3", PolicyDocument=document)
        key = iam.create_access_key(UserName=name)["AccessKey"]
        keys[name] = [key["AccessKeyId"], key["SecretAccessKey"]]
    # From now on every request must carry a valid SigV4 signature of a known key (moto's IAM checks).
    request = urllib.request.Request(f"{endpoint}/moto-api/reset-auth", data=b"0", method="POST", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
    print(json.dumps(keys))


def put(endpoint, ak, sk, bucket, pairs):
    s3 = client("s3", endpoint, ak, sk)
    existing = [b["Name"] for b in s3.list_buckets().get("Buckets", [])]
    if bucket not in existing:
        s3.create_bucket(Bucket=bucket)
    for key, path in zip(pairs[::2], pairs[1::2]):
        with open(path, "rb") as f:
            s3.put_object(Bucket=bucket, Key=key, Body=f.read())


def list_keys(endpoint, ak, sk, bucket, prefix):
    s3 = client("s3", endpoint, ak, sk)
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    print(json.dumps(sorted(keys)))


def get(endpoint, ak, sk, bucket, key):
    s3 = client("s3", endpoint, ak, sk)
    sys.stdout.buffer.write(s3.get_object(Bucket=bucket, Key=key)["Body"].read())


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup(sys.argv[2])
    elif sys.argv[1] == "put":
        put(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:])
    elif sys.argv[1] == "list":
        list_keys(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6] if len(sys.argv) > 6 else "")
    elif sys.argv[1] == "get":
        get(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6])
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
