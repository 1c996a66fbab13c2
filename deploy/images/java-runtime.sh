#!/usr/bin/env bash
# Lays out the root filesystem under the services' images, with no registry and no container runtime: Debian 12's C
# library (the only native library the JDK's server libraries need, see `ldd lib/server/libjvm.so lib/*.so`) and the
# very JDK that ran the build, in /opt/java/openjdk. A JVM uses an AOT cache only if that same JDK build trained it,
# so an image has to run the JDK whose training runs wrote its service's cache (docs/scaling.md#container-images).
# Called by deploy/images/pom.xml; as root it runs `apt-get update` once when the package lists lack a package.
# Usage: java-runtime.sh JAVA_HOME OUTPUT_DIR   (writes OUTPUT_DIR/os and OUTPUT_DIR/jdk)
set -euo pipefail

java_home="$1"
out="$2"
# libc6 (with the dynamic loader), libgcc-s1 (glibc loads it to unwind a cancelled thread), gcc-12-base (its
# copyright file, which libgcc-s1's documentation folder links to), and bash with libtinfo6: the one program besides
# java, for a health check that needs no HTTP client (deploy/compose) and for an operator's `kubectl exec`.
packages=(libc6 libgcc-s1 gcc-12-base bash libtinfo6)

download() {
  (cd "$out/debs" && apt-get download -q "${packages[@]}")
}

rm -rf "$out"
mkdir -p "$out/debs" "$out/os" "$out/jdk"
if ! download; then
  [[ "$(id -u)" == 0 ]] || { echo "java-runtime: apt-get download failed; run: sudo apt-get update" >&2; exit 1; }
  apt-get update -q
  download
fi
for deb in "$out"/debs/*.deb; do
  dpkg-deb --extract "$deb" "$out/os"
done

# Jib reads each file it adds through its path, and a symbolic link here may name an absolute path, which would be the
# build machine's file: each link is replaced by a copy of what it names inside this tree.
while IFS= read -r -d '' link; do
  target="$(readlink "$link")"
  if [[ "$target" == /* ]]; then
    target="$out/os$target"
  else
    target="$(dirname "$link")/$target"
  fi
  rm "$link"
  cp -R --dereference "$target" "$link"
done < <(find "$out/os" -type l -print0)

# Of the packages' documentation, only the copyright files, which travel with what they cover.
find "$out/os/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$out/os/usr/share/"{man,info,locale,lintian,menu}

mkdir -p "$out/os/etc" "$out/os/tmp"
# User 185 owns nothing in the image and writes only to /tmp; the same uid as Quarkus's own base images.
cat > "$out/os/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
alongside:x:185:185:Alongside service:/deployments:/sbin/nologin
EOF
cat > "$out/os/etc/group" <<'EOF'
root:x:0:
alongside:x:185:
EOF
cat > "$out/os/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF

# The JDK as it is, lib/modules above all (the AOT cache checks it), less what only compiles code or documents it.
cp -R "$java_home/." "$out/jdk/"
rm -rf "$out/jdk/lib/src.zip" "$out/jdk/lib/ct.sym" "$out/jdk/include" "$out/jdk/man" "$out/jdk/demo"
rm -rf "$out/debs"
echo "java-runtime: $(du -sh "$out/os" | cut -f1) of Debian (${packages[*]}), $(du -sh "$out/jdk" | cut -f1) of $java_home"
