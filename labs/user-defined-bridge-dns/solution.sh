# Reference solution of the user-defined-bridge-dns lab (run by `petlab labs verify`).
docker network create --driver bridge alpine-net
docker network connect alpine-net alpine1
docker network connect alpine-net alpine2
docker network inspect alpine-net
docker exec alpine1 ping -c 2 alpine2
docker exec alpine2 ping -c 2 alpine1
docker run -dit --name alpine3 alpine ash
docker exec alpine3 ping -c 2 alpine1
