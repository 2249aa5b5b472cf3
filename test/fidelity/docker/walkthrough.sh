# Docker networking walk-through (docker/docs: "Networking with standalone containers",
# bridge and user-defined bridge tutorials; host and none drivers; port publishing).
docker network ls
docker run -dit --name alpine1 alpine ash
docker run -dit --name alpine2 alpine ash
docker container ls
docker network inspect bridge
docker exec alpine1 ip addr show
docker exec alpine1 ping -c 2 172.17.0.3
docker exec alpine1 ping -c 1 alpine2
docker container stop alpine1 alpine2
docker container rm alpine1 alpine2
docker network create --driver bridge alpine-net
docker run -dit --name alpine1 --network alpine-net alpine ash
docker run -dit --name alpine2 --network alpine-net alpine ash
docker run -dit --name alpine3 alpine ash
docker run -dit --name alpine4 --network alpine-net alpine ash
docker network connect bridge alpine4
docker network ls
docker exec alpine1 ping -c 2 alpine2
docker exec alpine1 ping -c 2 alpine4
docker exec alpine1 ping -c 2 alpine3
docker exec alpine1 nslookup alpine2
docker exec alpine4 ping -c 2 alpine1
docker exec alpine4 ping -c 2 172.17.0.2
docker exec alpine4 ip addr
docker exec alpine3 ping -c 1 -W 1 172.18.0.2
docker run --rm --network none alpine ip addr
docker run --rm --network host alpine ip addr show docker0
docker run -d --name web -p 8080:80 nginx
docker port web
curl -s localhost:8080 | head -4
curl -sI http://10.0.2.15:8080/
docker logs web 2>/dev/null
docker ps
ip addr show docker0
ip link
nsenter -t $(docker inspect -f '{{.State.Pid}}' alpine4) -n ip addr
docker network disconnect bridge alpine4
docker exec alpine4 ping -c 1 -W 1 172.17.0.2
docker container stop alpine1 alpine2 alpine3 alpine4 web
docker container rm alpine1 alpine2 alpine3 alpine4 web
docker network rm alpine-net
docker network ls
