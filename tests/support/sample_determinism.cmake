# Runs a sample recipe twice into a scratch folder and compares the two workspaces' contents
# (timestamps aside): the recipe must rebuild the sample deterministically.
#   cmake -DPLANATLAS=… -DRECIPE=data/<province>/recipe.cmake -DSCRATCH=dir -DCOMPARE=compare_workspaces.py -P this
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
foreach(run a b)
  execute_process(COMMAND "${CMAKE_COMMAND}" -DPLANATLAS=${PLANATLAS} -DOUT=${SCRATCH}/${run}.gpkg -P ${RECIPE}
                  OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
endforeach()
execute_process(COMMAND /usr/bin/python3 ${COMPARE} ${SCRATCH}/a.gpkg ${SCRATCH}/b.gpkg COMMAND_ERROR_IS_FATAL ANY)
file(REMOVE_RECURSE "${SCRATCH}")
