#!/usr/bin/env bash
# Builds the function's container image and pushes it to an ECR repository of the current AWS account.
# Needs: docker (with an engine), the AWS CLI, Maven. Usage:
#   installer/src/main/lambda/build-and-push.sh [--region R] [--repository NAME] [--tag TAG]
# Prints the image URI to give `./classroom deploy --image URI`.
set -euo pipefail
region="${AWS_REGION:-us-east-1}"
repository="classroom-recognise"
tag="$(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || date +%Y%m%d%H%M%S)"
while (($#)); do
  case "$1" in
    --region) region="$2"; shift 2 ;;
    --repository) repository="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    *) echo "build-and-push: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v docker >/dev/null || { echo "build-and-push: docker is needed" >&2; exit 1; }
command -v aws >/dev/null || { echo "build-and-push: the AWS CLI is needed" >&2; exit 1; }

root="$(cd "$(dirname "$0")/../../../.." && pwd)"
mvn -B -q -f "$root/pom.xml" -pl installer -am -DskipTests -Plambda-image package
context="$root/installer/target/lambda-image"

aws ecr describe-repositories --region "$region" --repository-names "$repository" >/dev/null 2>&1 \
  || aws ecr create-repository --region "$region" --repository-name "$repository" \
       --image-scanning-configuration scanOnPush=true >/dev/null
# AWS names the repository's address; log in to the registry part of it.
repository_uri="$(aws ecr describe-repositories --region "$region" --repository-names "$repository" \
  --query 'repositories[0].repositoryUri' --output text)"
aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "${repository_uri%%/*}"

image="${repository_uri}:${tag}"
docker build --platform linux/amd64 -t "$image" -f "$root/installer/src/main/lambda/Dockerfile" "$context"
docker push "$image"
echo "$image"
