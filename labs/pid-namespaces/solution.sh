# Reference solution of the pid-namespaces lab (run by `petlab labs verify`).
# One shell, PID 1 of new PID, mount and UTS namespaces; the lines after it run inside.
unshare --pid --fork --mount-proc --uts bash
echo $$
hostname pet-1
hostname
ps
readlink /proc/1/ns/pid > /root/answers/pid-namespace.txt
lsns -t pid
